package io.jenkins.plugins.gputrain.core.engine.k8s;

import static io.jenkins.plugins.gputrain.core.engine.k8s.Nodes.gpuNode;
import static io.jenkins.plugins.gputrain.core.engine.k8s.Nodes.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.spec.NodeSelector;
import io.jenkins.plugins.gputrain.core.spec.TaintToleration;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeFitTest {
    /** The seed example with one T4: gpu=true, 4 CPUs, 16000M, 1 nvidia.com/gpu with its toleration. */
    private static final PodNeeds T4_POD = PodNeeds.of(pod("4-16000+nvidia-tesla-t4*1", "gpu=true"));

    @Test
    void aReadyLabelledGpuNodeWithRoomFits() {
        NodeFit fit = NodeFit.of(gpuNode("gpu-1").build(), T4_POD);

        assertThat(fit.fits()).isTrue();
        assertThat(fit.describe()).isEqualTo("gpu-1");
    }

    @Test
    void theTrainingPodsNeedsAreReadFromTheGeneratedPod() {
        assertThat(T4_POD.nodeSelector()).containsExactly(Map.entry("gpu", "true"));
        assertThat(T4_POD.requests())
                .containsOnlyKeys("cpu", "memory", "nvidia.com/gpu", "pods")
                .hasEntrySatisfying("pods", amount -> assertThat(amount).isEqualByComparingTo("1"))
                .hasEntrySatisfying("cpu", amount -> assertThat(amount).isEqualByComparingTo("4"))
                .hasEntrySatisfying("memory", amount -> assertThat(amount).isEqualByComparingTo("16000000000"))
                .hasEntrySatisfying(
                        "nvidia.com/gpu", amount -> assertThat(amount).isEqualByComparingTo("1"));
        assertThat(T4_POD.tolerations())
                .extracting(Toleration::getKey, Toleration::getOperator, Toleration::getEffect)
                .containsExactly(
                        tuple("nvidia.com/gpu", "Exists", "NoSchedule"),
                        tuple("node.kubernetes.io/not-ready", "Exists", "NoExecute"),
                        tuple("node.kubernetes.io/unreachable", "Exists", "NoExecute"));
    }

    @Test
    void aNodeWithoutTheGpuSaysWhatItLacksAndNothingElse() {
        NodeFit fit = NodeFit.of(node("cpu-1").label("gpu", "true").build(), T4_POD);

        assertThat(fit.fits()).isFalse();
        assertThat(fit.describe()).isEqualTo("cpu-1 (0 of 1 nvidia.com/gpu allocatable)");
    }

    @Test
    void missingAndDifferentLabelsAreNamed() {
        assertThat(NodeFit.of(node("a").allocatable("nvidia.com/gpu", "1").build(), T4_POD)
                        .shortfalls())
                .containsExactly("label gpu=true missing");
        assertThat(NodeFit.of(
                                node("b")
                                        .label("gpu", "false")
                                        .allocatable("nvidia.com/gpu", "1")
                                        .build(),
                                T4_POD)
                        .shortfalls())
                .containsExactly("label gpu=true missing (has gpu=false)");
    }

    @Test
    void notReadyAndCordonedNodesAreNamedOnceWithoutTheirConditionTaints() {
        NodeFit fit = NodeFit.of(gpuNode("gpu-2").notReady().cordoned().build(), T4_POD);

        assertThat(fit.shortfalls()).containsExactly("not Ready", "cordoned");
    }

    @Test
    void untoleratedNoScheduleAndNoExecuteTaintsBlockButPreferNoScheduleDoesNot() {
        NodeFit fit = NodeFit.of(
                gpuNode("gpu-3")
                        .taint("dedicated", "ml", "NoSchedule")
                        .taint("spot", null, "NoExecute")
                        .taint("soft", "x", "PreferNoSchedule")
                        .build(),
                T4_POD);

        assertThat(fit.shortfalls())
                .containsExactly("taint dedicated=ml:NoSchedule not tolerated", "taint spot:NoExecute not tolerated");
    }

    @Test
    void theSpecsOwnTolerationsLetTheNodeFit() {
        PodNeeds needs = PodNeeds.of(new TrainingPodFactory()
                .create(TrainingPodSpec.builder("r")
                        .machine(MachineSize.parse("4-16000+nvidia-tesla-t4*1"))
                        .nodeSelector(NodeSelector.parse("gpu=true"))
                        .toleration(TaintToleration.parse("dedicated=ml:NoSchedule"))
                        .build()));

        assertThat(NodeFit.of(
                                gpuNode("gpu-4")
                                        .taint("dedicated", "ml", "NoSchedule")
                                        .build(),
                                needs)
                        .fits())
                .isTrue();
    }

    @Test
    void cpuAndMemoryShortfallsShowBothAmountsAndNeverLookEqual() {
        NodeFit fit = NodeFit.of(
                gpuNode("small")
                        .allocatable("cpu", "3920m")
                        .allocatable("memory", "14.90Gi")
                        .build(),
                T4_POD);

        assertThat(fit.shortfalls())
                .containsExactly("3.92 of 4 cpu allocatable", "14.9Gi of 14.91Gi memory allocatable");
        assertThat(NodeFit.of(gpuNode("tiny").allocatable("memory", "900Mi").build(), T4_POD)
                        .shortfalls())
                .containsExactly("900Mi of 14.91Gi memory allocatable");
    }

    @Test
    void limitsCountWhereThereIsNoRequestContainersAddUpAndTheLargestInitContainerCompetes() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .endMetadata()
                .withNewSpec()
                .withInitContainers(container("init", Map.of("cpu", "6"), Map.of()))
                .withContainers(
                        container("a", Map.of("cpu", "2", "memory", "1Gi"), Map.of("cpu", "1")),
                        container("b", Map.of("memory", "1Gi"), Map.of()))
                .endSpec()
                .build();

        PodNeeds needs = PodNeeds.of(pod);

        assertThat(needs.requests().get("cpu")).isEqualByComparingTo("6");
        assertThat(needs.requests().get("memory")).isEqualByComparingTo(BigDecimal.valueOf(2L << 30));
        assertThat(needs.requests().get("pods")).isEqualByComparingTo("1");
        assertThat(needs.nodeSelector()).isEmpty();
        assertThat(needs.tolerations())
                .extracting(Toleration::getKey, Toleration::getTolerationSeconds)
                .containsExactly(
                        tuple("node.kubernetes.io/not-ready", 300L), tuple("node.kubernetes.io/unreachable", 300L));
    }

    /** component-helpers' PodRequests: sidecars add up and join later init containers, then pod level and overhead. */
    @Test
    void sidecarsPodLevelResourcesAndOverheadCountAsTheSchedulerSumsThem() {
        Container sidecar = container("proxy", Map.of(), Map.of("cpu", "1", "memory", "1Gi"));
        sidecar.setRestartPolicy("Always");
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .endMetadata()
                .withNewSpec()
                .withInitContainers(sidecar, container("init", Map.of(), Map.of("cpu", "2")))
                .withContainers(container("a", Map.of(), Map.of("cpu", "1", "memory", "2Gi")))
                .withOverhead(Map.of("cpu", new Quantity("250m")))
                .endSpec()
                .build();

        assertThat(PodNeeds.of(pod).requests().get("cpu"))
                .as("containers 1 + sidecar 1 = 2, init 2 + sidecar 1 = 3 is larger, + overhead")
                .isEqualByComparingTo("3.25");
        assertThat(PodNeeds.of(pod).requests().get("memory")).isEqualByComparingTo(BigDecimal.valueOf(3L << 30));

        pod.getSpec()
                .setResources(new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
                        .withRequests(Map.of("memory", new Quantity("8Gi")))
                        .build());
        assertThat(PodNeeds.of(pod).requests().get("memory"))
                .as("pod-level resources replace the sum")
                .isEqualByComparingTo(BigDecimal.valueOf(8L << 30));
        assertThat(PodNeeds.of(pod).requests().get("cpu")).isEqualByComparingTo("3.25");
    }

    /**
     * Finding 2: the API server defaults pod-level requests from pod-level limits ({@code pkg/apis/core/v1/defaults.go}
     * defaultPodRequests, v1.35.4): cpu and memory take the containers' aggregated request where they have one, else
     * the limit; hugepages take the limit; an explicit pod-level request stays; nvidia.com/gpu is no pod-level
     * resource and stays the containers'.
     */
    @Test
    void podLevelLimitsBecomeRequestsAsTheApiServerDefaultsThem() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .endMetadata()
                .withNewSpec()
                .withContainers(container("a", Map.of("nvidia.com/gpu", "1"), Map.of("cpu", "1")))
                .withNewResources()
                .withLimits(quantities(Map.of("cpu", "4", "memory", "8Gi", "hugepages-2Mi", "64Mi")))
                .endResources()
                .endSpec()
                .build();

        PodNeeds needs = PodNeeds.of(pod);

        assertThat(needs.requests().get("cpu"))
                .as("the containers request 1 cpu: the pod-level request defaults to that, not to the limit 4")
                .isEqualByComparingTo("1");
        assertThat(needs.requests().get("memory"))
                .as("no container requests memory: the pod-level limit")
                .isEqualByComparingTo(BigDecimal.valueOf(8L << 30));
        assertThat(needs.requests().get("hugepages-2Mi")).isEqualByComparingTo(BigDecimal.valueOf(64L << 20));
        assertThat(needs.requests().get("nvidia.com/gpu")).isEqualByComparingTo("1");

        pod.getSpec().getResources().setRequests(quantities(Map.of("cpu", "2")));
        assertThat(PodNeeds.of(pod).requests().get("cpu"))
                .as("an explicit pod-level request stays")
                .isEqualByComparingTo("2");
    }

    /** Every pod takes one of the node's allocatable {@code pods}. */
    @Test
    void aNodeWithNoRoomForAnotherPodDoesNotFit() {
        assertThat(NodeFit.of(gpuNode("full").build(), T4_POD, Map.of("pods", BigDecimal.valueOf(110)))
                        .shortfalls())
                .containsExactly("0 of 1 pods free (110 requested by other pods)");
    }

    /**
     * A pod tolerating {@code not-ready:NoSchedule} passes a NotReady node: the {@code NoExecute} taint is tolerated
     * by the toleration the DefaultTolerationSeconds admission plugin adds; Ready Unknown is its own taint.
     */
    @Test
    void notReadyIsReadFromTheTaintsAndTheAdmissionDefaultsTolerateNoExecute() {
        Pod pod = pod("4-16000+nvidia-tesla-t4*1", "gpu=true");
        tolerateNoSchedule(pod, "node.kubernetes.io/not-ready");

        assertThat(NodeFit.of(gpuNode("gpu-2").notReady().build(), PodNeeds.of(pod))
                        .fits())
                .isTrue();
        assertThat(NodeFit.of(gpuNode("gpu-3").unreachable().build(), PodNeeds.of(pod))
                        .shortfalls())
                .containsExactly("unreachable (Ready Unknown)");
        Node readyFalseWithoutTaints = gpuNode("gpu-4").build();
        readyFalseWithoutTaints.getStatus().getConditions().get(0).setStatus("False");
        assertThat(NodeFit.of(readyFalseWithoutTaints, T4_POD).fits())
                .as("the scheduler never reads the Ready condition")
                .isTrue();
    }

    /**
     * A node lacking what its conditions take away recovers; so it does when what it lacks else is held by its pods
     * (a rebooting node's stranded pods), not when it could not take the pod even empty.
     */
    @Test
    void aNodeWhoseConditionsClearIsRecoveringUnlessItLacksMoreThanWhatItsPodsHold() {
        Map<String, BigDecimal> gpuHeld = Map.of("nvidia.com/gpu", BigDecimal.ONE);

        assertThat(NodeFit.of(gpuNode("gpu-1").rebooting().build(), T4_POD).recovering())
                .isTrue();
        assertThat(NodeFit.of(gpuNode("gpu-1").rebooting().build(), T4_POD, gpuHeld))
                .satisfies(fit -> assertThat(fit.recovering()).isTrue())
                .extracting(NodeFit::shortfalls)
                .isEqualTo(List.of(
                        "unreachable (Ready Unknown)", "0 of 1 nvidia.com/gpu free (1 requested by other pods)"));
        assertThat(NodeFit.of(gpuNode("gpu-1").build(), T4_POD, gpuHeld).recovering())
                .as("held only: the scheduler queues it, nothing to recover")
                .isFalse();
        assertThat(NodeFit.of(
                                gpuNode("gpu-1")
                                        .rebooting()
                                        .allocatable("nvidia.com/gpu", "0")
                                        .build(),
                                T4_POD)
                        .recovering())
                .isFalse();
        assertThat(NodeFit.of(gpuNode("gpu-1").notReady().label("gpu", "false").build(), T4_POD)
                        .recovering())
                .isFalse();
    }

    @ParameterizedTest(name = "toleration {0}={1}:{2} ({3}) vs taint {4}={5}:{6} -> {7}")
    @CsvSource(
            nullValues = "-",
            value = {
                "gpu, -,   NoSchedule, Exists, gpu, present, NoSchedule, true",
                "gpu, -,   -,          Exists, gpu, present, NoExecute,  true",
                "gpu, -,   NoSchedule, Exists, gpu, present, NoExecute,  false",
                "-,   -,   -,          Exists, any, x,       NoSchedule, true",
                "-,   -,   -,          Equal,  any, x,       NoSchedule, false",
                "k,   v,   NoSchedule, Equal,  k,   v,       NoSchedule, true",
                "k,   v,   NoSchedule, -,      k,   v,       NoSchedule, true",
                "k,   v,   NoSchedule, Equal,  k,   w,       NoSchedule, false",
                "k,   -,   NoSchedule, Equal,  k,   -,       NoSchedule, true",
                "k,   v,   NoSchedule, Exists, other, v,     NoSchedule, false",
            })
    void tolerationsMatchTaintsAsKubernetesDoes(
            String key,
            String value,
            String effect,
            String operator,
            String taintKey,
            String taintValue,
            String taintEffect,
            boolean tolerated) {
        Toleration toleration = new TolerationBuilder()
                .withKey(key)
                .withValue(value)
                .withEffect(effect)
                .withOperator(operator)
                .build();
        Taint taint = new TaintBuilder()
                .withKey(taintKey)
                .withValue(taintValue)
                .withEffect(taintEffect)
                .build();

        assertThat(NodeFit.tolerated(taint, List.of(toleration))).isEqualTo(tolerated);
    }

    /**
     * Required node affinity as the scheduler's {@code nodeaffinity} plugin matches it
     * ({@code component-helpers/scheduling/corev1/nodeaffinity}): terms ORed, requirements ANDed.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "zone|In|a,b|true",
                "zone|In|c|false",
                "zone|NotIn|c|true",
                "zone|NotIn|a|false",
                "missing|NotIn|a|true",
                "zone|Exists||true",
                "missing|Exists||false",
                "missing|DoesNotExist||true",
                "zone|DoesNotExist||false",
                "gpus|Gt|3|true",
                "gpus|Gt|4|false",
                "gpus|Lt|5|true",
                "gpus|Lt|4|false",
                "zone|Gt|1|false",
                "zone|Lt|1|false"
            })
    void requiredNodeAffinityExpressions(String key, String operator, String values, boolean fits) {
        Pod pod = withAffinity(new io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder()
                .addNewMatchExpression()
                .withKey(key)
                .withOperator(operator)
                .withValues(values == null ? List.of() : List.of(values.split(",")))
                .endMatchExpression()
                .build());
        Node node = gpuNode("gpu-1").label("zone", "a").label("gpus", "4").build();

        assertThat(NodeFit.of(node, PodNeeds.of(pod)).fits()).isEqualTo(fits);
        assertThat(NodeFit.selects(node, PodNeeds.of(pod))).isEqualTo(fits);
    }

    @Test
    void matchFieldsNameTheNodeAndTermsAreOred() {
        Pod pod = withAffinity(
                new io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder()
                        .addNewMatchField()
                        .withKey("metadata.name")
                        .withOperator("In")
                        .withValues("gpu-2")
                        .endMatchField()
                        .build(),
                new io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder()
                        .addNewMatchExpression()
                        .withKey("zone")
                        .withOperator("In")
                        .withValues("b")
                        .endMatchExpression()
                        .build());

        assertThat(NodeFit.of(gpuNode("gpu-2").build(), PodNeeds.of(pod)).fits())
                .isTrue();
        assertThat(NodeFit.of(gpuNode("gpu-3").label("zone", "b").build(), PodNeeds.of(pod))
                        .fits())
                .isTrue();
        assertThat(NodeFit.of(gpuNode("gpu-1").build(), PodNeeds.of(pod)).shortfalls())
                .containsExactly("required node affinity not matched");
    }

    /** The {@code NodeUnschedulable} plugin lets a pod that tolerates {@code unschedulable:NoSchedule} on a cordoned node. */
    @Test
    void conditionTaintsAreToleratedLikeAnyOther() {
        Pod pod = pod("4-16000+nvidia-tesla-t4*1", "gpu=true");
        tolerateNoSchedule(pod, "node.kubernetes.io/unschedulable");
        tolerateNoSchedule(pod, "node.kubernetes.io/not-ready");

        assertThat(NodeFit.of(gpuNode("gpu-2").notReady().cordoned().build(), PodNeeds.of(pod))
                        .fits())
                .isTrue();
        assertThat(NodeFit.of(
                                gpuNode("gpu-3")
                                        .taint("node.kubernetes.io/unreachable", null, "NoSchedule")
                                        .build(),
                                PodNeeds.of(pod))
                        .shortfalls())
                .containsExactly("unreachable (Ready Unknown)");
    }

    private static Pod withAffinity(io.fabric8.kubernetes.api.model.NodeSelectorTerm... terms) {
        Pod pod = pod("4-16000+nvidia-tesla-t4*1", "gpu=true");
        pod.getSpec()
                .setAffinity(new io.fabric8.kubernetes.api.model.AffinityBuilder()
                        .withNewNodeAffinity()
                        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .withNodeSelectorTerms(terms)
                        .endRequiredDuringSchedulingIgnoredDuringExecution()
                        .endNodeAffinity()
                        .build());
        return pod;
    }

    static Pod pod(String cpuMemory, String selector) {
        return new TrainingPodFactory()
                .create(TrainingPodSpec.builder("run-1")
                        .podName("train-1")
                        .machine(MachineSize.parse(cpuMemory))
                        .nodeSelector(NodeSelector.parse(selector))
                        .build());
    }

    private static Container container(String name, Map<String, String> limits, Map<String, String> requests) {
        return new ContainerBuilder()
                .withName(name)
                .withNewResources()
                .withLimits(quantities(limits))
                .withRequests(quantities(requests))
                .endResources()
                .build();
    }

    private static Map<String, Quantity> quantities(Map<String, String> amounts) {
        return amounts.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Quantity(e.getValue())));
    }

    /** Adds a toleration of {@code key:NoSchedule} with any value (operator {@code Exists}). */
    private static void tolerateNoSchedule(Pod pod, String key) {
        pod.getSpec()
                .getTolerations()
                .add(new TolerationBuilder()
                        .withKey(key)
                        .withOperator("Exists")
                        .withEffect("NoSchedule")
                        .build());
    }
}
