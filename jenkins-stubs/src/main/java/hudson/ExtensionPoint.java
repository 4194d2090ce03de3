package hudson;

/** Compile-only stub of {@code hudson.ExtensionPoint}. */
public interface ExtensionPoint {}
