package hudson.remoting;

/** Compile-only stub of {@code hudson.remoting.VirtualChannel}. */
public interface VirtualChannel {}
