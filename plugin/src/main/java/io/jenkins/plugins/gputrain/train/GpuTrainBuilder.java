package io.jenkins.plugins.gputrain.train;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.Cloud;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.GpuTrainConfiguration;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.engine.KubernetesTraining;
import io.jenkins.plugins.gputrain.core.engine.TrainingWorkspace;
import io.jenkins.plugins.gputrain.core.engine.k8s.ApiErrors;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteSecret;
import io.jenkins.plugins.gputrain.core.pipeline.StepArgument;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingArguments;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.pipeline.DvcRemoteCredentials;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step "Train on a Kubernetes GPU pod": runs a command on a training pod through the
 * kubernetes-plugin cloud's own connection, with the build's workspace copied in and the results copied back, the
 * command's output in the build console, and the pod deleted on every path (also on abort).
 */
public class GpuTrainBuilder extends Builder implements SimpleBuildStep {
    /** The command a new step runs. */
    public static final String DEFAULT_COMMAND = "dvc repro --pull";

    private String nodeSelector;
    private String cpuMemory;
    private String image;
    private String command = DEFAULT_COMMAND;
    private String timeout;
    private String pendingTimeout;

    /** All fields are optional; empty ones fall back to the global configuration. */
    @DataBoundConstructor
    public GpuTrainBuilder() {}

    /** Node labels, {@code key=value[,key=value…]}. */
    public String getNodeSelector() {
        return nodeSelector;
    }

    @DataBoundSetter
    public void setNodeSelector(String nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    /** CPUs, memory and GPUs, e.g. {@code 4-16000+nvidia-tesla-t4*1}. */
    public String getCpuMemory() {
        return cpuMemory;
    }

    @DataBoundSetter
    public void setCpuMemory(String cpuMemory) {
        this.cpuMemory = cpuMemory;
    }

    /** The training image. */
    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = image;
    }

    /** The shell command run in the copied workspace. */
    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = command == null || command.isBlank() ? DEFAULT_COMMAND : command;
    }

    /** How long the pod may run, e.g. {@code 2h}. */
    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    /** How long the pod may stay Pending, e.g. {@code 10m}. */
    public String getPendingTimeout() {
        return pendingTimeout;
    }

    @DataBoundSetter
    public void setPendingTimeout(String pendingTimeout) {
        this.pendingTimeout = pendingTimeout;
    }

    /** The step's fields as {@code gpuTrain} arguments; empty fields are left out, so the defaults apply. */
    Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        put(arguments, StepArgument.NODE_SELECTOR, nodeSelector);
        put(arguments, StepArgument.CPU_MEMORY, cpuMemory);
        put(arguments, StepArgument.IMAGE, image);
        put(arguments, StepArgument.TIMEOUT, timeout);
        put(arguments, StepArgument.PENDING_TIMEOUT, pendingTimeout);
        return arguments;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        TrainingArguments arguments = parse(arguments());
        String cloudName = arguments.cloud().orElse(TrainingDefaults.DEFAULT_CLOUD);
        KubernetesCloud kubernetes = kubernetesCloud(cloudName);
        TrainingPodSpec.Builder spec = podSpec(arguments, run.getExternalizableId(), kubernetes.getNamespace());
        Optional<DvcRemoteSecret> remote = dvcRemoteSecret(arguments, run);
        train(kubernetes, cloudName, spec, remote, new AgentWorkspace(workspace), arguments, listener.getLogger());
    }

    /**
     * Trains on the cloud's connection. {@link KubernetesCloud#connect()} hands out the kubernetes-plugin's shared
     * client (cached per cloud by its {@code KubernetesClientProvider} for every build and agent of that cloud), so it
     * is used and never closed here.
     */
    void train(
            KubernetesCloud kubernetes,
            String cloudName,
            TrainingPodSpec.Builder spec,
            Optional<DvcRemoteSecret> remote,
            TrainingWorkspace workspace,
            TrainingArguments arguments,
            PrintStream logger)
            throws IOException, InterruptedException {
        ConsoleListener console = new ConsoleListener(logger);
        KubernetesClient client;
        try {
            client = kubernetes.connect();
        } catch (KubernetesAuthException e) {
            throw new AbortException(PREFIX + Messages.GpuTrainBuilder_CannotConnect(cloudName, e.getMessage()));
        }
        try {
            KubernetesTraining training = KubernetesTraining.ofBuildStep(
                    client, arguments.pendingTimeout().orElse(null), console);
            new BuildStepTraining(client, training, GpuTrainBuilder::podName, console)
                    .train(spec, remote, workspace, command, arguments.retries());
        } catch (KubernetesClientException e) {
            Config config = client.getConfiguration();
            throw new AbortException(PREFIX
                    + Messages.GpuTrainBuilder_ApiError(
                            cloudName, config.getMasterUrl(), ApiErrors.line(e, config.getRequestTimeout())));
        }
    }

    private static TrainingArguments parse(Map<String, Object> arguments) throws AbortException {
        try {
            return TrainingArguments.of(arguments, GpuTrainConfiguration.get().toDefaults());
        } catch (InvalidSpecException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
    }

    private static KubernetesCloud kubernetesCloud(String name) throws AbortException {
        Cloud cloud = Jenkins.get().getCloud(name);
        if (cloud instanceof KubernetesCloud kubernetes) {
            return kubernetes;
        }
        throw new AbortException(PREFIX + Messages.GpuTrainBuilder_NoCloud(name));
    }

    /** The configured DVC remote credentials, read for a Secret, if any are configured. */
    private static Optional<DvcRemoteSecret> dvcRemoteSecret(TrainingArguments arguments, Run<?, ?> run)
            throws IOException {
        Optional<String> id = arguments.dvcRemoteCredentialsId();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        StandardCredentials credentials =
                CredentialsProvider.findCredentialById(id.get(), StandardCredentials.class, run);
        try {
            DvcRemoteSecret secret = DvcRemoteCredentials.secret(id.get(), credentials);
            CredentialsProvider.track(run, credentials);
            return Optional.of(secret);
        } catch (InvalidSpecException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
    }

    /**
     * The pod without a name, in the configured namespace or else the cloud's.
     *
     * @throws AbortException with the one-line message when an argument or the cloud's namespace is invalid
     */
    static TrainingPodSpec.Builder podSpec(TrainingArguments arguments, String runId, String cloudNamespace)
            throws AbortException {
        try {
            TrainingPodSpec.Builder spec = arguments.podSpec(runId);
            if (spec.build().namespace() == null && cloudNamespace != null) {
                spec.namespace(cloudNamespace);
            }
            return spec;
        } catch (InvalidSpecException e) {
            throw new AbortException(PREFIX + e.getMessage());
        }
    }

    /** A new pod name, {@code gpu-train-} and 8 random hexadecimal digits. */
    static String podName() {
        return "gpu-train-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void put(Map<String, Object> arguments, StepArgument argument, String value) {
        if (value != null && !value.isBlank()) {
            arguments.put(argument.argumentName(), value);
        }
    }

    /** Offers the step to freestyle jobs as "Train on a Kubernetes GPU pod". */
    @Extension
    @Symbol("gpuTrainBuild")
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.GpuTrainBuilder_DisplayName();
        }

        /** Checks {@code nodeSelector} as the step would. */
        @POST
        public FormValidation doCheckNodeSelector(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, StepArgument.NODE_SELECTOR, value);
        }

        /** Checks {@code cpuMemory} as the step would. */
        @POST
        public FormValidation doCheckCpuMemory(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, StepArgument.CPU_MEMORY, value);
        }

        /** Checks {@code image} as the step would. */
        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, StepArgument.IMAGE, value);
        }

        /** Checks {@code timeout} as the step would. */
        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, StepArgument.TIMEOUT, value);
        }

        /** Checks {@code pendingTimeout} as the step would. */
        @POST
        public FormValidation doCheckPendingTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, StepArgument.PENDING_TIMEOUT, value);
        }

        /**
         * Checks a field after making sure the caller may configure the job (or administer Jenkins, outside a job):
         * validation URLs are reachable by anyone who can post to them.
         */
        private static FormValidation check(Item item, StepArgument field, String value) {
            if (item == null) {
                Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            } else {
                item.checkPermission(Item.CONFIGURE);
            }
            return GpuTrainConfiguration.validation(field.argumentName(), value);
        }
    }
}
