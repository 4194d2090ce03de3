package hudson;

import java.io.IOException;

/** Compile-only stub of {@code hudson.AbortException}. */
public class AbortException extends IOException {
    public AbortException(String message) {
        super(message);
    }
}
