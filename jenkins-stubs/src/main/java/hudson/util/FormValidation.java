package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** Compile-only stub of {@code hudson.util.FormValidation}. */
public abstract class FormValidation extends IOException implements HttpResponse {
    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
