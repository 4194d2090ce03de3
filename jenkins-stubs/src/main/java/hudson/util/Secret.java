package hudson.util;

import java.io.Serializable;

/** Compile-only stub of {@code hudson.util.Secret}. */
public final class Secret implements Serializable {
    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
