package hudson.model;

/** Compile-only stub of {@code hudson.model.ModifiableViewGroup}. */
public interface ModifiableViewGroup extends ViewGroup {}
