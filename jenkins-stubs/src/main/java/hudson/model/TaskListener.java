package hudson.model;

import java.io.IOException;
import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Compile-only stub of {@code hudson.model.TaskListener}. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();

    default void hyperlink(String url, String text) throws IOException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
