package io.jenkins.plugins.gputrain.core.pipeline;

import io.jenkins.plugins.gputrain.core.pod.PodManifest;
import io.jenkins.plugins.gputrain.core.pod.PodTemplateArguments;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.report.BaselineRevision;
import io.jenkins.plugins.gputrain.core.report.ReportDirectory;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.LabelSyntax;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code gpuTrain(…) { … }} call does, worked out in Java before any Pipeline step runs: the arguments of
 * {@code podTemplate}, how many attempts {@code retry} gets, whether to check out, which credentials to bind, and
 * the arguments of {@code publishDvcMetrics}. Holds only strings, numbers, booleans and maps of them, so that the
 * Pipeline can keep it across a controller restart.
 *
 * @param podTemplate the named arguments of {@code podTemplate} (without {@code yamlMergeStrategy}, which only the
 *     Pipeline can build)
 * @param attempts {@code retry}'s count: one more than the retries
 * @param checkout whether to run {@code checkout scm}
 * @param dvcRemoteCredentialsId the credentials to bind for the DVC remote, or {@code null}
 * @param publish whether to run {@code publishDvcMetrics}
 * @param publishArguments the named arguments of {@code publishDvcMetrics}
 * @param summary one console line describing the pod
 */
public record TrainingPlan(
        Map<String, Object> podTemplate,
        int attempts,
        boolean checkout,
        String dvcRemoteCredentialsId,
        boolean publish,
        Map<String, Object> publishArguments,
        String summary)
        implements Serializable {

    /** The container the body runs in. */
    public static final String CONTAINER = "dvc";

    /** Copies the maps (in their order: Pipeline's arguments print in it). */
    public TrainingPlan {
        podTemplate = Collections.unmodifiableMap(new LinkedHashMap<>(podTemplate));
        publishArguments = Collections.unmodifiableMap(new LinkedHashMap<>(publishArguments));
    }

    /**
     * Works out the plan.
     *
     * @param arguments the named arguments as the Jenkinsfile gave them
     * @param defaults what left-out arguments fall back to
     * @param buildTag identifies the build ({@code BUILD_TAG}); made a label value for the pod's run id
     * @return the plan
     * @throws InvalidSpecException naming the argument, for the first unknown or invalid one
     */
    public static TrainingPlan of(Map<String, ?> arguments, TrainingDefaults defaults, String buildTag) {
        Map<StepArgument, Object> given = new LinkedHashMap<>();
        arguments.forEach((name, value) -> {
            StepArgument argument = StepArgument.named(name);
            argument.check(value);
            given.put(argument, value);
        });
        Values values = new Values(given);
        String cloud = values.text(StepArgument.CLOUD).orElse(defaults.cloud());
        TrainingPodSpec.Builder spec = TrainingPodSpec.builder(
                        LabelSyntax.toValue(buildTag == null ? "" : buildTag).orElse("gpu-train"))
                .namespace(values.text(StepArgument.NAMESPACE).orElse(defaults.namespace()))
                .image(values.text(StepArgument.IMAGE).orElse(defaults.image()))
                .machine(MachineSize.parse(values.text(StepArgument.CPU_MEMORY).orElse(defaults.cpuMemory())))
                .gpuResourceName(defaults.gpuResourceName())
                .acceleratorLabelKey(defaults.acceleratorLabelKey())
                .gpuToleration(defaults.gpuToleration());
        spec.nodeSelector(
                given.containsKey(StepArgument.NODE_SELECTOR)
                        ? NodeSelector.parse(StepArgument.NODE_SELECTOR.texts(given.get(StepArgument.NODE_SELECTOR)))
                        : defaults.nodeSelector() == null
                                ? NodeSelector.NONE
                                : NodeSelector.parse(defaults.nodeSelector()));
        values.text(StepArgument.TIMEOUT)
                .or(() -> Optional.ofNullable(defaults.timeout()))
                .ifPresent(timeout -> spec.timeout(DurationSpec.parse(StepArgument.TIMEOUT.argumentName(), timeout)));
        StepArgument.TOLERATIONS
                .texts(given.get(StepArgument.TOLERATIONS))
                .forEach(t -> spec.toleration(TaintToleration.parse(t)));
        values.text(StepArgument.YAML).ifPresent(spec::extraYaml);
        TrainingPodSpec pod = spec.build();

        Map<String, Object> podTemplate = new LinkedHashMap<>();
        if (cloud != null) {
            podTemplate.put("cloud", cloud);
        }
        podTemplate.putAll(PodTemplateArguments.of(pod, new TrainingPodFactory(), new PodManifest())
                .toMap());
        values.text(StepArgument.PENDING_TIMEOUT)
                .or(() -> Optional.ofNullable(defaults.pendingTimeout()))
                .ifPresent(pending -> podTemplate.put("slaveConnectTimeout", seconds(pending)));

        Map<String, Object> publishArguments = new LinkedHashMap<>();
        publishArguments.put(
                "baseline",
                new BaselineRevision(values.text(StepArgument.BASELINE).orElse(defaults.baseline())).name());
        publishArguments.put(
                "reportDir",
                ReportDirectory.normalise(values.text(StepArgument.REPORT_DIR).orElse(ReportDirectory.DEFAULT)));
        return new TrainingPlan(
                podTemplate,
                StepArgument.RETRIES.count(given.get(StepArgument.RETRIES)).orElse(defaults.retries()) + 1,
                StepArgument.CHECKOUT.flag(given.get(StepArgument.CHECKOUT)).orElse(true),
                values.text(StepArgument.DVC_REMOTE_CREDENTIALS_ID).orElse(defaults.dvcRemoteCredentialsId()),
                StepArgument.PUBLISH.flag(given.get(StepArgument.PUBLISH)).orElse(true),
                publishArguments,
                pod.summary());
    }

    private static int seconds(String pending) {
        long seconds = DurationSpec.parse(StepArgument.PENDING_TIMEOUT.argumentName(), pending)
                .getSeconds();
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    /** The given text values. */
    private record Values(Map<StepArgument, Object> given) {
        Optional<String> text(StepArgument argument) {
            return argument.text(given.get(argument));
        }
    }
}
