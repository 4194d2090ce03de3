package hudson.security;

import java.util.Iterator;

/** Compile-only stub of {@code hudson.security.PermissionGroup}. */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    public Iterator<Permission> iterator() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public int compareTo(PermissionGroup that) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
