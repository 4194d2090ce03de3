package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

/** Compile-only stub of {@code hudson.model.Result}. */
public final class Result implements Serializable, CustomExportedBean {
    public static final Result SUCCESS = null;

    public static final Result UNSTABLE = null;

    public static final Result FAILURE = null;

    public String toExportedObject() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
