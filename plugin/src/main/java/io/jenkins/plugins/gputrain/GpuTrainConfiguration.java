package io.jenkins.plugins.gputrain;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gputrain.core.pipeline.DefaultCheck;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.pipeline.DvcRemoteCredentials;
import io.jenkins.plugins.gputrain.publish.MetricQualityGate;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Global defaults for {@code gpuTrain} and {@code publishDvcMetrics}: set once on <em>Manage Jenkins → System</em>
 * or in Configuration-as-Code under {@code unclassified: gpuTrain:}. A step argument wins over these, and these win
 * over the built-in defaults ({@link TrainingDefaults#BUILT_IN}); an empty field means "use the built-in one".
 */
@Extension
@Symbol("gpuTrain")
public class GpuTrainConfiguration extends GlobalConfiguration {
    /** How many builds with a DVC report the job's trend charts cover, unless configured. */
    public static final int DEFAULT_TREND_LENGTH = 20;

    private static final String QUALITY_GATES = "qualityGates";

    private String cloud;
    private String namespace;
    private String image;
    private String nodeSelector;
    private String cpuMemory;
    private String gpuResourceName;
    private String acceleratorLabelKey;
    private volatile boolean gpuToleration = true;
    private String baseline;
    private String pendingTimeout;
    private String timeout;
    private volatile int retries = TrainingDefaults.DEFAULT_RETRIES;
    private String dvcRemoteCredentialsId;
    private volatile int trendLength = DEFAULT_TREND_LENGTH;
    private List<MetricQualityGate> qualityGates = new ArrayList<>();
    private volatile boolean skipPublishingChecks;
    /** Whether this is a draft of the System page's form, which saves nothing (see {@link #configure}). */
    private final transient boolean draft;

    /** Loads the saved configuration; Jenkins creates the one instance. */
    public GpuTrainConfiguration() {
        draft = false;
        load();
    }

    /** A draft with {@code saved}'s values, to bind a form into. */
    private GpuTrainConfiguration(GpuTrainConfiguration saved) {
        draft = true;
        copy(saved, this);
    }

    /** The instance Jenkins created. */
    public static GpuTrainConfiguration get() {
        return ExtensionList.lookupSingleton(GpuTrainConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return Messages.GpuTrainConfiguration_DisplayName();
    }

    /** Name of the Kubernetes cloud to provision pods in; {@code null} means {@link TrainingDefaults#DEFAULT_CLOUD}. */
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

    /** The training image; {@code null} means the built-in one. */
    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = blankToNull(image);
        save();
    }

    /** Node labels, {@code key=value[,key=value…]}; {@code null} means none. */
    public String getNodeSelector() {
        return nodeSelector;
    }

    @DataBoundSetter
    public void setNodeSelector(String nodeSelector) {
        this.nodeSelector = blankToNull(nodeSelector);
        save();
    }

    /** The machine, e.g. {@code 1-2000}; {@code null} means {@code m}. */
    public String getCpuMemory() {
        return cpuMemory;
    }

    @DataBoundSetter
    public void setCpuMemory(String cpuMemory) {
        this.cpuMemory = blankToNull(cpuMemory);
        save();
    }

    /** The extended resource that counts GPUs; {@code null} means {@code nvidia.com/gpu}. */
    public String getGpuResourceName() {
        return gpuResourceName;
    }

    @DataBoundSetter
    public void setGpuResourceName(String gpuResourceName) {
        this.gpuResourceName = blankToNull(gpuResourceName);
        save();
    }

    /** The node label for the GPU model; {@code null} means {@code accelerator}. */
    public String getAcceleratorLabelKey() {
        return acceleratorLabelKey;
    }

    @DataBoundSetter
    public void setAcceleratorLabelKey(String acceleratorLabelKey) {
        this.acceleratorLabelKey = blankToNull(acceleratorLabelKey);
        save();
    }

    /** Whether pods asking for GPUs tolerate the GPU taint. */
    public boolean isGpuToleration() {
        return gpuToleration;
    }

    @DataBoundSetter
    public void setGpuToleration(boolean gpuToleration) {
        this.gpuToleration = gpuToleration;
        save();
    }

    /** The revision reports compare with; {@code null} means {@code main}. */
    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = blankToNull(baseline);
        save();
    }

    /** How long the agent pod may take to come online, e.g. {@code 10m}; {@code null} means the kubernetes-plugin's. */
    public String getPendingTimeout() {
        return pendingTimeout;
    }

    @DataBoundSetter
    public void setPendingTimeout(String pendingTimeout) {
        this.pendingTimeout = blankToNull(pendingTimeout);
        save();
    }

    /** How long a pod may run, e.g. {@code 2h}; {@code null} means no limit. */
    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = blankToNull(timeout);
        save();
    }

    /** New pods after a lost agent pod. */
    public int getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(int retries) {
        this.retries = Math.max(0, retries);
        save();
    }

    /** Credentials for the DVC remote; {@code null} means none. */
    public String getDvcRemoteCredentialsId() {
        return dvcRemoteCredentialsId;
    }

    @DataBoundSetter
    public void setDvcRemoteCredentialsId(String dvcRemoteCredentialsId) {
        this.dvcRemoteCredentialsId = blankToNull(dvcRemoteCredentialsId);
        save();
    }

    /** How many builds with a DVC report the job's trend charts cover. */
    public int getTrendLength() {
        return trendLength;
    }

    @DataBoundSetter
    public void setTrendLength(int trendLength) {
        this.trendLength = Math.max(0, trendLength);
        save();
    }

    /** The quality gates of every {@code publishDvcMetrics} that leaves {@code qualityGates} out. */
    public List<MetricQualityGate> getQualityGates() {
        return qualityGates == null ? List.of() : List.copyOf(qualityGates);
    }

    @DataBoundSetter
    public void setQualityGates(List<MetricQualityGate> qualityGates) {
        this.qualityGates = qualityGates == null ? new ArrayList<>() : new ArrayList<>(qualityGates);
        save();
    }

    /** Whether a {@code publishDvcMetrics} that does not say publishes no pull request check. */
    public boolean isSkipPublishingChecks() {
        return skipPublishingChecks;
    }

    @DataBoundSetter
    public void setSkipPublishingChecks(boolean skipPublishingChecks) {
        this.skipPublishingChecks = skipPublishingChecks;
        save();
    }

    /**
     * Saves the System page's section. Stapler binds the form one key at a time, calling each setter, and every
     * setter saves; so the form is bound into a draft that saves nothing, and only when all of it bound is it applied
     * and saved, once. When binding fails (a gate refused: Jenkins shows its message as the form's error), nothing
     * changes, in memory or on disk. The form sends no {@code qualityGates} key when the last gate was deleted (an
     * empty repeatable list), and binding only sets what the form sends; so then the draft has no gates (Jenkins core's
     * {@code ConsoleUrlProviderGlobalConfiguration} empties its providers before binding for the same reason).
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) {
        GpuTrainConfiguration bound = new GpuTrainConfiguration(this);
        if (!json.has(QUALITY_GATES)) {
            bound.qualityGates = new ArrayList<>();
        }
        req.bindJSON(bound, json);
        copy(bound, this);
        save();
        return true;
    }

    /** Saves, unless this is the draft a form is bound into. */
    @Override
    public synchronized void save() {
        if (!draft) {
            super.save();
        }
    }

    private static void copy(GpuTrainConfiguration from, GpuTrainConfiguration to) {
        to.cloud = from.cloud;
        to.namespace = from.namespace;
        to.image = from.image;
        to.nodeSelector = from.nodeSelector;
        to.cpuMemory = from.cpuMemory;
        to.gpuResourceName = from.gpuResourceName;
        to.acceleratorLabelKey = from.acceleratorLabelKey;
        to.gpuToleration = from.gpuToleration;
        to.baseline = from.baseline;
        to.pendingTimeout = from.pendingTimeout;
        to.timeout = from.timeout;
        to.retries = from.retries;
        to.dvcRemoteCredentialsId = from.dvcRemoteCredentialsId;
        to.trendLength = from.trendLength;
        to.qualityGates = new ArrayList<>(from.qualityGates);
        to.skipPublishingChecks = from.skipPublishingChecks;
    }

    /** Checks {@code namespace} as the step would; administrators only. */
    @POST
    public FormValidation doCheckNamespace(@QueryParameter String value) {
        return check("namespace", value);
    }

    /** Checks {@code image} as the step would; administrators only. */
    @POST
    public FormValidation doCheckImage(@QueryParameter String value) {
        return check("image", value);
    }

    /** Checks {@code nodeSelector} as the step would; administrators only. */
    @POST
    public FormValidation doCheckNodeSelector(@QueryParameter String value) {
        return check("nodeSelector", value);
    }

    /** Checks {@code cpuMemory} as the step would; administrators only. */
    @POST
    public FormValidation doCheckCpuMemory(@QueryParameter String value) {
        return check("cpuMemory", value);
    }

    /** Checks {@code gpuResourceName} as the step would; administrators only. */
    @POST
    public FormValidation doCheckGpuResourceName(@QueryParameter String value) {
        return check("gpuResourceName", value);
    }

    /** Checks {@code acceleratorLabelKey} as the step would; administrators only. */
    @POST
    public FormValidation doCheckAcceleratorLabelKey(@QueryParameter String value) {
        return check("acceleratorLabelKey", value);
    }

    /** Checks {@code baseline} as the step would; administrators only. */
    @POST
    public FormValidation doCheckBaseline(@QueryParameter String value) {
        return check("baseline", value);
    }

    /** Checks {@code pendingTimeout} as the step would; administrators only. */
    @POST
    public FormValidation doCheckPendingTimeout(@QueryParameter String value) {
        return check("pendingTimeout", value);
    }

    /** Checks {@code timeout} as the step would; administrators only. */
    @POST
    public FormValidation doCheckTimeout(@QueryParameter String value) {
        return check("timeout", value);
    }

    /** Checks {@code retries} as the step would; administrators only. */
    @POST
    public FormValidation doCheckRetries(@QueryParameter String value) {
        return check("retries", value);
    }

    /** Checks {@code trendLength} as the step would; administrators only. */
    @POST
    public FormValidation doCheckTrendLength(@QueryParameter String value) {
        return check("trendLength", value);
    }

    /** Lists the Kubernetes clouds for the cloud field; none for whoever is not an administrator. */
    @POST
    public ListBoxModel doFillCloudItems(@QueryParameter String cloud) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new ListBoxModel();
        }
        List<FormChoice> clouds = Jenkins.get().clouds.getAll(KubernetesCloud.class).stream()
                .map(kubernetes -> new FormChoice(kubernetes.name, kubernetes.name))
                .toList();
        return FormChoices.toListBox(FormChoices.of(
                Messages.GpuTrainConfiguration_DefaultCloud(TrainingDefaults.DEFAULT_CLOUD), clouds, cloud));
    }

    /**
     * Lists the global credentials gpu-train can bind for DVC (secret file, username with password, secret text);
     * administrators only, who may see every global credential (anyone else gets an empty list, as
     * credentials-plugin's documentation recommends).
     */
    @POST
    public ListBoxModel doFillDvcRemoteCredentialsIdItems(@QueryParameter String dvcRemoteCredentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new ListBoxModel();
        }
        List<FormChoice> usable =
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2)
                        .stream()
                        .filter(credentials ->
                                DvcRemoteCredentials.kindOf(credentials).isPresent())
                        .map(DvcRemoteCredentials::choice)
                        .toList();
        return FormChoices.toListBox(
                FormChoices.of(Messages.GpuTrainConfiguration_NoCredentials(), usable, dvcRemoteCredentialsId));
    }

    /**
     * Checks a field with the step's own parsers, after making sure the caller may administer Jenkins (form
     * validation URLs are reachable by anyone who can post to them).
     */
    private static FormValidation check(String field, String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return validation(field, value);
    }

    /** The step's verdict on a field's value as a form validation: an error with its one-line message, or ok. */
    public static FormValidation validation(String field, String value) {
        return DefaultCheck.problem(field, value).map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    /** The defaults {@code gpuTrain} uses: what is configured here over the built-in ones. */
    public TrainingDefaults toDefaults() {
        TrainingDefaults builtIn = TrainingDefaults.BUILT_IN;
        return new TrainingDefaults(
                cloud,
                namespace,
                orElse(image, builtIn.image()),
                nodeSelector,
                orElse(cpuMemory, builtIn.cpuMemory()),
                orElse(gpuResourceName, builtIn.gpuResourceName()),
                orElse(acceleratorLabelKey, builtIn.acceleratorLabelKey()),
                gpuToleration,
                orElse(baseline, builtIn.baseline()),
                pendingTimeout,
                timeout,
                retries,
                dvcRemoteCredentialsId);
    }

    private static String orElse(String configured, String builtIn) {
        return configured == null ? builtIn : configured;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
