package hudson.security;

import org.springframework.security.core.Authentication;

/** Compile-only stub of {@code hudson.security.ACL}. */
public abstract class ACL {
    public static final Authentication SYSTEM2 = null;
}
