package hudson.model;

import java.io.IOException;

/** Compile-only stub of {@code hudson.model.Saveable}. */
public interface Saveable {
    void save() throws IOException;
}
