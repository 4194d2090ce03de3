package hudson.model;

/** Compile-only stub of {@code hudson.model.ModelObject}. */
public interface ModelObject {
    String getDisplayName();
}
