package io.jenkins.plugins.gputrain.core.pod;

import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates the training pods gpu-train can write, for property tests here and for comparing {@link PodValidation}
 * with the real API server's verdict (the integration tests use this through core's test-jar): the {@code cpuMemory}
 * table (named sizes, CPU-memory pairs, GPU specs), node selectors, tolerations, limits only, deadlines from 1 s to
 * the largest, and {@code --pod-yaml} merges (priority class, labels, annotations, extra volumes and mounts,
 * tolerations, resources).
 */
public final class PodSpecs {
    private PodSpecs() {}

    /** Specs as {@link TrainingPodSpec.Builder} accepts them. */
    public static Arbitrary<TrainingPodSpec> specs() {
        return Combinators.combine(
                        machines(),
                        Arbitraries.of("", "gpu=true", "gpu=true,zone=a", "cloud.google.com/gke-accelerator=infer"),
                        Arbitraries.of(
                                List.<String>of(), List.of("dedicated=ml:NoSchedule"), List.of("spot:NoExecute")),
                        Arbitraries.of(true, false),
                        deadlines(),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(200),
                        yamls())
                .as((machine, selector, tolerations, requests, deadline, id, yaml) -> {
                    TrainingPodSpec.Builder builder = TrainingPodSpec.builder(
                                    "run-" + id.substring(0, Math.min(id.length(), 50)))
                            .podName("gpu-train-" + id)
                            .machine(MachineSize.parse(machine))
                            .requestsEqualLimits(requests)
                            .extraYaml(yaml);
                    if (!selector.isEmpty()) {
                        builder.nodeSelector(NodeSelector.parse(selector));
                    }
                    tolerations.stream().map(TaintToleration::parse).forEach(builder::toleration);
                    if (deadline != null) {
                        builder.timeout(deadline);
                    }
                    return builder.build();
                });
    }

    private static Arbitrary<String> machines() {
        Arbitrary<String> pairs = Combinators.combine(
                        Arbitraries.of("1", "2", "0.5", "250m", "4", "96"),
                        Arbitraries.of("2000", "512Mi", "16Gi", "1G", "64000"))
                .as((cpu, memory) -> cpu + "-" + memory);
        Arbitrary<String> gpus = Combinators.combine(
                        pairs,
                        Arbitraries.of("nvidia-tesla-t4", "nvidia-a100-80gb"),
                        Arbitraries.integers().between(1, 8))
                .as((pair, model, count) -> pair + "+" + model + "*" + count);
        return Arbitraries.oneOf(Arbitraries.of("s", "m", "l", "xl"), pairs, gpus);
    }

    private static Arbitrary<Duration> deadlines() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.longs()
                        .between(1, PodValidation.MAX_DEADLINE_SECONDS)
                        .map(Duration::ofSeconds));
    }

    private static Arbitrary<String> yamls() {
        return Arbitraries.of(
                null,
                "spec: {priorityClassName: ml-batch}",
                "metadata: {labels: {team: vision}, annotations: {example.com/owner: me}}",
                "spec:\n  volumes: [{name: data, emptyDir: {}}]\n  containers:\n"
                        + "  - {name: dvc, volumeMounts: [{name: data, mountPath: /data}]}",
                "spec:\n  tolerations: [{key: spot, operator: Exists, effect: NoExecute, tolerationSeconds: 60}]",
                "spec:\n  containers:\n  - name: dvc\n    resources: {limits: {ephemeral-storage: 10Gi}}",
                "spec: {terminationGracePeriodSeconds: 120}");
    }
}
