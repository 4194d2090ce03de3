package hudson.model;

/** Compile-only stub of {@code hudson.model.Action}. */
public interface Action extends ModelObject {
    String getIconFileName();

    String getDisplayName();

    String getUrlName();
}
