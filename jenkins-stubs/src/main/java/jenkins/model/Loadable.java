package jenkins.model;

import java.io.IOException;

/** Compile-only stub of {@code jenkins.model.Loadable} (supplement: not in the shared signature list). */
public interface Loadable {
    void load() throws IOException;
}
