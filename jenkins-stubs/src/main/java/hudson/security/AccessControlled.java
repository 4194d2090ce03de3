package hudson.security;

import org.springframework.security.access.AccessDeniedException;

/** Compile-only stub of {@code hudson.security.AccessControlled}. */
public interface AccessControlled {
    default void checkPermission(Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
