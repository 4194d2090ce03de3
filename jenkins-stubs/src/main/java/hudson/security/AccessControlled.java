package hudson.security;

/** Compile-only stub of {@code hudson.security.AccessControlled}. */
public interface AccessControlled {}
