package io.jenkins.plugins.gputrain.core.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PodValidation} after the API server's {@code pkg/apis/core/validation/validation.go} (v1.35): each rule
 * refuses a pod the API server refuses, with the field named as it names it; every pod gpu-train generates passes.
 */
class PodValidationTest {
    private final TrainingPodFactory factory = new TrainingPodFactory();

    @Property(tries = 300)
    void everyPodTheGeneratorProducesPasses(@ForAll("specs") TrainingPodSpec spec) {
        assertThatCode(() -> PodValidation.check(factory.create(spec))).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<TrainingPodSpec> specs() {
        return PodSpecs.specs();
    }

    /** Each row: a --pod-yaml merge the API server refuses, the field it names, and the start of its reason. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "spec: {activeDeadlineSeconds: 0}|spec.activeDeadlineSeconds|must be between 1 and 2147483647, inclusive",
                "spec: {activeDeadlineSeconds: 2147483648}|spec.activeDeadlineSeconds|must be between 1 and 2147483647",
                "{spec: {containers: [{name: dvc, resources: {limits: {requests.nvidia.com/gpu: 1}}}]}}"
                        + "|spec.containers[0].resources.limits[requests.nvidia.com/gpu]"
                        + "|doesn't follow extended resource name standard",
                "{spec: {containers: [{name: dvc, resources: {limits: {gpu: 1}}}]}}"
                        + "|spec.containers[0].resources.limits[gpu]|must be a standard resource for containers",
                "{spec: {containers: [{name: dvc, resources: {requests: {nvidia.com/gpu: 2}, limits: {nvidia.com/gpu: 1}}}]}}"
                        + "|spec.containers[0].resources.requests[nvidia.com/gpu]|must be equal to nvidia.com/gpu limit of 1",
                "{spec: {containers: [{name: dvc, resources: {requests: {example.com/fpga: 1}}}]}}"
                        + "|spec.containers[0].resources.limits|Limit must be set for non overcommitable resources",
                "{spec: {containers: [{name: dvc, resources: {requests: {cpu: 3}}}]}}"
                        + "|spec.containers[0].resources.requests|must be less than or equal to cpu limit of 1",
                "{spec: {containers: [{name: dvc, volumeMounts: [{name: dshm, mountPath: /x}, {name: workspace,"
                        + " mountPath: /x}]}]}}|spec.containers[0].volumeMounts[3].mountPath|must be unique",
                "{spec: {containers: [{name: dvc, volumeMounts: [{name: nope, mountPath: /x}]}]}}"
                        + "|spec.containers[0].volumeMounts[2].name|Not found",
                "{spec: {tolerations: [{key: a, operator: Exists, value: b}]}}"
                        + "|spec.tolerations[0].operator|value must be empty when `operator` is 'Exists'",
                "{spec: {tolerations: [{key: a, operator: Exists, effect: NoSchedule, tolerationSeconds: 5}]}}"
                        + "|spec.tolerations[0].effect|effect must be 'NoExecute' when `tolerationSeconds` is set",
                "{spec: {tolerations: [{value: b}]}}|spec.tolerations[0].operator|operator must be Exists when `key` is empty",
                "{metadata: {labels: {team: 'a b'}}}|metadata.labels|must be alphanumeric",
                "{metadata: {annotations: {'bad key!': x}}}|metadata.annotations|name part",
                "{spec: {nodeSelector: {'-x': y}}}|spec.nodeSelector|name part"
            })
    void podsTheApiServerRefusesAreRefusedNamingTheField(String yaml, String field, String reason) {
        TrainingPodSpec spec = TrainingPodSpec.builder("r")
                .podName("p")
                .machine(MachineSize.parse("1-2000"))
                .extraYaml(yaml)
                .build();

        assertThatThrownBy(() -> factory.create(spec))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).startsWith(reason);
                })
                .message()
                .doesNotContain("\n");
    }

    @Test
    void podNamesAreDnsSubdomainsOfUpTo253Characters() {
        String longest = "gpu-train." + "a".repeat(243);

        assertThatCode(() -> factory.create(
                        TrainingPodSpec.builder("r").podName(longest).build()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> TrainingPodSpec.builder("r").podName(longest + "a"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("podName '");
    }

    @Test
    void theLargestDeadlinePasses() {
        assertThatCode(() -> factory.create(TrainingPodSpec.builder("r")
                        .timeout(Duration.ofSeconds(PodValidation.MAX_DEADLINE_SECONDS))
                        .build()))
                .doesNotThrowAnyException();
    }
}
