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
                        + "|spec.containers[0].resources.requests|must be equal to nvidia.com/gpu limit of 1",
                // D5: extended resources are whole numbers (MilliValue rounded up, so 1999m is still not one)
                "{spec: {containers: [{name: dvc, resources: {requests: {example.com/fpga: 1999m},"
                        + " limits: {example.com/fpga: 1999m}}}]}}"
                        + "|spec.containers[0].resources.limits[example.com/fpga]|must be an integer",
                // D5: hugepages cannot be overcommitted, are whole pages, and need cpu or memory
                "{spec: {containers: [{name: dvc, resources: {requests: {hugepages-2Mi: 2Mi}, limits: {hugepages-2Mi: 4Mi}}}]}}"
                        + "|spec.containers[0].resources.requests|must be equal to hugepages-2Mi limit of 4Mi",
                "{spec: {containers: [{name: dvc, resources: {requests: {hugepages-2Mi: 2Mi}}}]}}"
                        + "|spec.containers[0].resources.limits|Limit must be set for non overcommitable resources",
                "{spec: {containers: [{name: dvc, resources: {limits: {hugepages-2Mi: 3Mi}}}]}}"
                        + "|spec.containers[0].resources.limits[hugepages-2Mi]|3Mi is not positive integer multiple of",
                "{spec: {containers: [{name: dvc, resources: {limits: {hugepages-1x: 2}}}]}}"
                        + "|spec.containers[0].resources.limits[hugepages-1x]|2 is not positive integer multiple of",
                "{spec: {initContainers: [{name: init, image: busybox, resources: {limits: {hugepages-2Mi: 2Mi}}}]}}"
                        + "|spec.initContainers[0].resources|Forbidden: HugePages require cpu or memory",
                // N15: env names (relaxed: printable ASCII but '='), subPaths, node affinity, generateName, priority
                "{spec: {initContainers: [{name: init, image: busybox, env: [{name: 'A=B', value: x}]}]}}"
                        + "|spec.initContainers[0].env[0].name|a valid environment variable name must consist only of",
                "{spec: {initContainers: [{name: init, image: busybox, env: [{name: \"tab\\there\"}]}]}}"
                        + "|spec.initContainers[0].env[0].name|a valid environment variable name must consist only of",
                "{spec: {initContainers: [{name: init, image: busybox, volumeMounts: [{name: dshm, mountPath: /x,"
                        + " subPath: data/../../etc}]}]}}"
                        + "|spec.initContainers[0].volumeMounts.subPath|must not contain '..'",
                "{spec: {initContainers: [{name: init, image: busybox, volumeMounts: [{name: dshm, mountPath: /x,"
                        + " subPath: /etc}]}]}}"
                        + "|spec.initContainers[0].volumeMounts.subPath|must be a relative path",
                "{spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms:"
                        + " [{matchExpressions: [{key: gpu, operator: In}]}]}}}}}"
                        + "|spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                        + ".matchExpressions[0].values|Required value: must be specified when `operator` is 'In' or 'NotIn'",
                "{spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms:"
                        + " [{matchExpressions: [{key: gpu, operator: NotIn, values: []}]}]}}}}}"
                        + "|spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                        + ".matchExpressions[0].values|Required value: must be specified when `operator` is 'In' or 'NotIn'",
                "{spec: {affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1,"
                        + " preference: {matchExpressions: [{key: gpu, operator: Exists, values: ['true']}]}}]}}}}"
                        + "|spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference"
                        + ".matchExpressions[0].values|Forbidden: may not be specified when `operator` is 'Exists'",
                "{spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms:"
                        + " [{matchExpressions: [{key: gpu, operator: Like, values: [x]}]}]}}}}}"
                        + "|spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                        + ".matchExpressions[0].operator|not a valid selector operator",
                "{spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
                        + " {nodeSelectorTerms: []}}}}}"
                        + "|spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms"
                        + "|Required value: must have at least one node selector term",
                "{metadata: {generateName: Train_}}|metadata.generateName|a lowercase RFC 1123 subdomain",
                "{spec: {priorityClassName: 'ML batch'}}|spec.priorityClassName|a lowercase RFC 1123 subdomain",
                // N16: a toleration's operator, and an Equal toleration's value, are named .operator
                "{spec: {tolerations: [{key: a, operator: Equal, value: 'b c'}]}}|spec.tolerations[0].operator|must be",
                "{spec: {tolerations: [{key: a, operator: In, value: b}]}}|spec.tolerations[0].operator"
                        + "|Unsupported value: supported values: \"Equal\", \"Exists\"",
                "{spec: {tolerations: [{key: a, operator: Gt, value: '1'}]}}|spec.tolerations[0].operator"
                        + "|Unsupported value: supported values: \"Equal\", \"Exists\", \"Lt\", \"Gt\"",
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
                "{spec: {nodeSelector: {'-x': y}}}|spec.nodeSelector|name part",
                // Review finding 3: pod-level spec.resources (validatePodResources, v1.35.4), on the defaulted pod;
                // the dvc container of 1-2000 requests and is limited to cpu 1, memory 2000Mi
                "{spec: {resources: {limits: {nvidia.com/gpu: 1}}}}|spec.resources.limits[nvidia.com/gpu]"
                        + "|Unsupported value: supported values: \"cpu\", \"hugepages-\", \"memory\"",
                "{spec: {resources: {requests: {ephemeral-storage: 1Gi}}}}|spec.resources.requests[ephemeral-storage]"
                        + "|Unsupported value: supported values: \"cpu\", \"hugepages-\", \"memory\"",
                "{spec: {resources: {requests: {cpu: 2}, limits: {cpu: 1500m}}}}|spec.resources.requests"
                        + "|must be less than or equal to cpu limit of 1500m",
                // no pod-level request: it defaults to the containers' 2000Mi, above the pod's limit
                "{spec: {resources: {limits: {memory: 1Gi}}}}|spec.resources.requests"
                        + "|must be less than or equal to memory limit of 1Gi",
                "{spec: {resources: {requests: {cpu: 500m}}}}|spec.resources.requests[cpu]"
                        + "|must be greater than or equal to aggregate container requests of 1",
                // a sidecar adds to the containers (and the sum is written as the API server writes it)
                "{spec: {resources: {requests: {cpu: 1}}, initContainers: [{name: proxy, image: busybox,"
                        + " restartPolicy: Always, resources: {requests: {cpu: 0.5}}}]}}|spec.resources.requests[cpu]"
                        + "|must be greater than or equal to aggregate container requests of 1500m",
                "{spec: {resources: {requests: {cpu: 1}, limits: {cpu: 1}},"
                        + " containers: [{name: dvc, resources: {limits: {cpu: 2}}}]}}"
                        + "|spec.resources.containers[0][cpu].limits|must be less than or equal to pod limits of 1",
                "{spec: {resources: {requests: {hugepages-2Mi: 2Mi, memory: 2000Mi}}}}|spec.resources.limits"
                        + "|Limit must be set for non overcommitable resources",
                "{spec: {resources: {limits: {hugepages-2Mi: 3Mi}}}}|spec.resources.limits[hugepages-2Mi]"
                        + "|3Mi is not positive integer multiple of hugepages-2Mi",
                "{spec: {resources: {requests: {hugepages-2Mi: 2Mi}, limits: {hugepages-2Mi: 4Mi}}}}"
                        + "|spec.resources.requests|must be equal to hugepages-2Mi limit of 4Mi",
                "{spec: {resources: {requests: {cpu: -1}}}}|spec.resources.requests[cpu]"
                        + "|must be greater than or equal to 0",
                "{spec: {resources: {claims: [{name: gpu}]}}}|spec.resources.claims"
                        + "|Forbidden: claims may not be set for Resources at pod-level",
                "{spec: {os: {name: windows}, resources: {limits: {cpu: 1}}}}|spec.resources"
                        + "|Forbidden: may not be set for a windows pod"
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

    /** What the same rules accept (validation.go at v1.35.4), so that the refusals above are not simply "anything new". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{spec: {containers: [{name: dvc, resources: {requests: {hugepages-2Mi: 4Mi}, limits: {hugepages-2Mi: 4Mi}}}]}}",
                "{spec: {containers: [{name: dvc, resources: {limits: {hugepages-1Gi: 2Gi, example.com/fpga: 2}}}]}}",
                // MilliValue rounds up: 1.9995 is 2000m, a whole number to the API server
                "{spec: {containers: [{name: dvc, resources: {requests: {example.com/fpga: 1.9995}, limits: {example.com/fpga: 1.9995}}}]}}",
                "{spec: {initContainers: [{name: init, image: busybox, env: [{name: 'my.var-1 with space', value: x}]}]}}",
                "{spec: {initContainers: [{name: init, image: busybox, volumeMounts: [{name: dshm, mountPath: /x,"
                        + " subPath: data/..x/./y}]}]}}",
                "{spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms:"
                        + " [{matchExpressions: [{key: gpu, operator: DoesNotExist}, {key: zone, operator: In, values: [a]}]}]}}}}}",
                "{spec: {affinity: {nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100,"
                        + " preference: {matchExpressions: [{key: size, operator: Gt, values: ['not a label!']}]}}]}}}}",
                "{metadata: {generateName: train-}}",
                "{spec: {priorityClassName: ml-batch}}",
                "{spec: {tolerations: [{key: a, value: b}, {operator: Exists}]}}",
                // pod-level resources: requests default to the containers' (1, 2000Mi) within the pod's limits
                "{spec: {resources: {limits: {cpu: 2, memory: 4Gi}}}}",
                "{spec: {resources: {requests: {cpu: 1, memory: 2000Mi}}}}",
                "{spec: {resources: {requests: {cpu: 1.5}, limits: {cpu: 2}}, initContainers: [{name: proxy,"
                        + " image: busybox, restartPolicy: Always, resources: {requests: {cpu: 500m}}}]}}",
                // an init container competes with the sum instead of adding to it
                "{spec: {resources: {requests: {cpu: 1}}, initContainers: [{name: init, image: busybox,"
                        + " resources: {requests: {cpu: 1}}}]}}",
                "{spec: {resources: {limits: {hugepages-2Mi: 4Mi, memory: 4Gi}}}}"
            })
    void podsTheApiServerAcceptsPass(String yaml) {
        TrainingPodSpec spec = TrainingPodSpec.builder("r")
                .podName("p")
                .machine(MachineSize.parse("1-2000"))
                .extraYaml(yaml)
                .build();

        assertThatCode(() -> factory.create(spec)).doesNotThrowAnyException();
    }

    @Test
    void annotationsUpTo256KibPassAndOneByteMoreIsRefused() {
        String key = "gpu-train.io/notes";
        int room = (int) PodValidation.MAX_ANNOTATIONS_BYTES - key.length();
        // 'é' is two bytes in UTF-8: the size counts bytes, as Go's len does, not characters
        String fits = "é".repeat(room / 2);
        String tooLong = fits + "x".repeat(room % 2 + 1);

        assertThatCode(() -> factory.create(TrainingPodSpec.builder("r")
                        .podName("p")
                        .extraYaml("{metadata: {annotations: {'" + key + "': '" + fits + "'}}}")
                        .build()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> factory.create(TrainingPodSpec.builder("r")
                        .podName("p")
                        .extraYaml("{metadata: {annotations: {'" + key + "': '" + tooLong + "'}}}")
                        .build()))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.field()).isEqualTo("metadata.annotations");
                    assertThat(e.reason()).startsWith("Too long: may not be more than 262144 bytes");
                });
    }

    @Test
    void theLargestDeadlinePasses() {
        assertThatCode(() -> factory.create(TrainingPodSpec.builder("r")
                        .timeout(Duration.ofSeconds(PodValidation.MAX_DEADLINE_SECONDS))
                        .build()))
                .doesNotThrowAnyException();
    }
}
