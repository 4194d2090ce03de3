package io.jenkins.plugins.gputrain.core.pipeline;

import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.LabelSyntax;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of a training (the {@code gpuTrain} step or the freestyle build step), checked by name and type, over
 * the defaults they fall back to: what {@link TrainingPlan} and the build step turn into a pod.
 */
public final class TrainingArguments {
    private final Map<StepArgument, Object> given;
    private final TrainingDefaults defaults;

    private TrainingArguments(Map<StepArgument, Object> given, TrainingDefaults defaults) {
        this.given = given;
        this.defaults = defaults;
    }

    /**
     * Reads arguments.
     *
     * @param arguments the named arguments as given
     * @param defaults what left-out arguments fall back to
     * @return the arguments
     * @throws InvalidSpecException naming the argument, for the first unknown one or one of the wrong type
     */
    public static TrainingArguments of(Map<String, ?> arguments, TrainingDefaults defaults) {
        Map<StepArgument, Object> given = new LinkedHashMap<>();
        arguments.forEach((name, value) -> {
            StepArgument argument = StepArgument.named(name);
            argument.check(value);
            given.put(argument, value);
        });
        return new TrainingArguments(given, defaults);
    }

    /**
     * The training pod, not built yet so that callers can name it.
     *
     * @param buildTag identifies the build; made a label value for the pod's run id
     * @return the spec builder, every pod argument applied
     * @throws InvalidSpecException naming the argument, for the first invalid one
     */
    public TrainingPodSpec.Builder podSpec(String buildTag) {
        TrainingPodSpec.Builder spec = TrainingPodSpec.builder(
                        LabelSyntax.toValue(buildTag == null ? "" : buildTag).orElse("gpu-train"))
                .namespace(text(StepArgument.NAMESPACE).orElse(defaults.namespace()))
                .image(text(StepArgument.IMAGE).orElse(defaults.image()))
                .machine(MachineSize.parse(text(StepArgument.CPU_MEMORY).orElse(defaults.cpuMemory())))
                .gpuResourceName(defaults.gpuResourceName())
                .acceleratorLabelKey(defaults.acceleratorLabelKey())
                .gpuToleration(defaults.gpuToleration());
        spec.nodeSelector(
                given.containsKey(StepArgument.NODE_SELECTOR)
                        ? NodeSelector.parse(StepArgument.NODE_SELECTOR.texts(given.get(StepArgument.NODE_SELECTOR)))
                        : defaults.nodeSelector() == null
                                ? NodeSelector.NONE
                                : NodeSelector.parse(defaults.nodeSelector()));
        text(StepArgument.TIMEOUT)
                .or(() -> Optional.ofNullable(defaults.timeout()))
                .ifPresent(timeout -> spec.timeout(DurationSpec.parse(StepArgument.TIMEOUT.argumentName(), timeout)));
        StepArgument.TOLERATIONS
                .texts(given.get(StepArgument.TOLERATIONS))
                .forEach(t -> spec.toleration(TaintToleration.parse(t)));
        text(StepArgument.YAML).ifPresent(spec::extraYaml);
        return spec;
    }

    /** The cloud, if given or configured. */
    public Optional<String> cloud() {
        return text(StepArgument.CLOUD).or(() -> Optional.ofNullable(defaults.cloud()));
    }

    /** How long the pod may wait, if given or configured. */
    public Optional<Duration> pendingTimeout() {
        return text(StepArgument.PENDING_TIMEOUT)
                .or(() -> Optional.ofNullable(defaults.pendingTimeout()))
                .map(pending -> DurationSpec.parse(StepArgument.PENDING_TIMEOUT.argumentName(), pending));
    }

    /** How many new pods after a lost one: given, else configured. */
    public int retries() {
        return StepArgument.RETRIES.count(given(StepArgument.RETRIES)).orElse(defaults.retries());
    }

    /** The credentials for the DVC remote, if given or configured. */
    public Optional<String> dvcRemoteCredentialsId() {
        return text(StepArgument.DVC_REMOTE_CREDENTIALS_ID)
                .or(() -> Optional.ofNullable(defaults.dvcRemoteCredentialsId()));
    }

    /** The text value given for an argument. */
    Optional<String> text(StepArgument argument) {
        return argument.text(given.get(argument));
    }

    /** The raw value given for an argument, or {@code null}. */
    Object given(StepArgument argument) {
        return given.get(argument);
    }
}
