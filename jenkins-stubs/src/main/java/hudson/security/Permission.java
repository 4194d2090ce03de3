package hudson.security;

/** Compile-only stub of {@code hudson.security.Permission}. */
public final class Permission {
    @Deprecated
    public Permission(PermissionGroup group, String name, Permission impliedBy) {}
}
