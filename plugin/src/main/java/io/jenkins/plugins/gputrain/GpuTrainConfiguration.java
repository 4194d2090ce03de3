package io.jenkins.plugins.gputrain;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Global defaults for {@code gpuTrain}: set once on <em>Manage Jenkins → System</em> or in Configuration-as-Code
 * under {@code unclassified: gpuTrain:}, used wherever a step leaves the value out.
 */
@Extension
@Symbol("gpuTrain")
public class GpuTrainConfiguration extends GlobalConfiguration {
    private String cloud;
    private String namespace;

    /** Loads the saved configuration; Jenkins creates the one instance. */
    public GpuTrainConfiguration() {
        load();
    }

    /** The instance Jenkins created. */
    public static GpuTrainConfiguration get() {
        return ExtensionList.lookupSingleton(GpuTrainConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.GpuTrainConfiguration_DisplayName();
    }

    /** Name of the Kubernetes cloud to provision pods in; {@code null} means the first Kubernetes cloud. */
    public String getCloud() {
        return cloud;
    }

    @DataBoundSetter
    public void setCloud(String cloud) {
        this.cloud = blankToNull(cloud);
        save();
    }

    /** Kubernetes namespace for the pods; {@code null} means the cloud's namespace. */
    public String getNamespace() {
        return namespace;
    }

    @DataBoundSetter
    public void setNamespace(String namespace) {
        this.namespace = blankToNull(namespace);
        save();
    }

    /** The defaults {@code gpuTrain} uses: what is configured here over the built-in ones. */
    public TrainingDefaults toDefaults() {
        TrainingDefaults builtIn = TrainingDefaults.BUILT_IN;
        return new TrainingDefaults(
                cloud,
                namespace,
                builtIn.image(),
                builtIn.nodeSelector(),
                builtIn.cpuMemory(),
                builtIn.gpuResourceName(),
                builtIn.acceleratorLabelKey(),
                builtIn.gpuToleration(),
                builtIn.baseline(),
                builtIn.pendingTimeout(),
                builtIn.timeout(),
                builtIn.retries(),
                builtIn.dvcRemoteCredentialsId());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
