package jenkins.model;

import hudson.model.AbstractCIBase;
import hudson.model.Descriptor;
import hudson.model.DescriptorByNameOwner;
import hudson.model.Hudson;
import hudson.model.ModifiableViewGroup;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.slaves.Cloud;
import hudson.util.DescribableList;
import java.io.IOException;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

/** Compile-only stub of {@code jenkins.model.Jenkins}. */
public class Jenkins extends AbstractCIBase
        implements DirectlyModifiableTopLevelItemGroup,
                StaplerProxy,
                StaplerFallback,
                ModifiableViewGroup,
                AccessControlled,
                DescriptorByNameOwner,
                ModelObjectWithContextMenu,
                ModelObjectWithChildren,
                OnMaster,
                Loadable {
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public Cloud getCloud(String name) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public static final Permission ADMINISTER = null;

    public void load() throws IOException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public final Hudson.CloudList clouds = null;

    /** Compile-only stub of {@code jenkins.model.Jenkins.CloudList}. */
    public static class CloudList extends DescribableList<Cloud, Descriptor<Cloud>> {
        public CloudList() {}
    }
}
