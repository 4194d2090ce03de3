package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import jenkins.util.io.OnMaster;

/** Compile-only stub of {@code hudson.model.Node}. */
public abstract class Node extends AbstractModelObject
        implements ReconfigurableDescribable<Node>, ExtensionPoint, AccessControlled, OnMaster, PersistenceRoot {
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
