package io.jenkins.plugins.gputrain.core.pipeline;

import io.jenkins.plugins.gputrain.core.gate.GateArguments;
import io.jenkins.plugins.gputrain.core.pod.PodManifest;
import io.jenkins.plugins.gputrain.core.pod.PodTemplateArguments;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.report.BaselineRevision;
import io.jenkins.plugins.gputrain.core.report.ReportDirectory;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
        TrainingArguments given = TrainingArguments.of(arguments, defaults);
        TrainingPodSpec pod = given.podSpec(buildTag).build();

        Map<String, Object> podTemplate = new LinkedHashMap<>();
        given.cloud().ifPresent(cloud -> podTemplate.put("cloud", cloud));
        podTemplate.putAll(PodTemplateArguments.of(pod, new TrainingPodFactory(), new PodManifest())
                .toMap());
        given.pendingTimeout()
                .ifPresent(pending -> podTemplate.put(
                        "slaveConnectTimeout", (int) Math.min(pending.getSeconds(), Integer.MAX_VALUE)));

        Map<String, Object> publishArguments = new LinkedHashMap<>();
        publishArguments.put(
                "baseline",
                new BaselineRevision(given.text(StepArgument.BASELINE).orElse(defaults.baseline())).name());
        publishArguments.put(
                "reportDir",
                ReportDirectory.normalise(given.text(StepArgument.REPORT_DIR).orElse(ReportDirectory.DEFAULT)));
        given.text(StepArgument.CHECKS_NAME)
                .ifPresent(name -> publishArguments.put(StepArgument.CHECKS_NAME.argumentName(), name));
        StepArgument.SKIP_PUBLISHING_CHECKS
                .flag(given.given(StepArgument.SKIP_PUBLISHING_CHECKS))
                .ifPresent(skip -> publishArguments.put(StepArgument.SKIP_PUBLISHING_CHECKS.argumentName(), skip));
        Object gates = given.given(StepArgument.QUALITY_GATES);
        if (gates != null) {
            publishArguments.put(
                    GateArguments.FIELD,
                    new ArrayList<>(GateArguments.of(gates).stream()
                            .map(GateArguments::toArguments)
                            .toList()));
        }
        return new TrainingPlan(
                podTemplate,
                given.retries() + 1,
                StepArgument.CHECKOUT.flag(given.given(StepArgument.CHECKOUT)).orElse(true),
                given.dvcRemoteCredentialsId().orElse(null),
                StepArgument.PUBLISH.flag(given.given(StepArgument.PUBLISH)).orElse(true),
                publishArguments,
                pod.summary());
    }
}
