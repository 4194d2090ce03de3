package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.console.WithConsoleUrl;
import jenkins.model.ArtifactManager;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

/** Compile-only stub of {@code hudson.model.Run}. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements ExtensionPoint,
                Comparable<RunT>,
                AccessControlled,
                PersistenceRoot,
                DescriptorByNameOwner,
                OnMaster,
                StaplerProxy,
                HistoricalBuild,
                WithConsoleUrl {
    protected Run(JobT job) throws IOException {}

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public String getUrl() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public final synchronized ArtifactManager pickArtifactManager() throws IOException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
