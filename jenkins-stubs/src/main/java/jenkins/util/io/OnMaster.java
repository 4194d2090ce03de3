package jenkins.util.io;

/** Compile-only stub of {@code jenkins.util.io.OnMaster} (supplement: not in the shared signature list). */
public interface OnMaster {}
