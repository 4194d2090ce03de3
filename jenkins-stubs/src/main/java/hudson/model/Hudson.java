package hudson.model;

import jenkins.model.Jenkins;

/** Compile-only stub of {@code hudson.model.Hudson}. */
public class Hudson extends Jenkins {
    /** Compile-only stub of {@code hudson.model.Hudson.CloudList}. */
    @Deprecated
    public static class CloudList extends Jenkins.CloudList {
        public CloudList() {}
    }
}
