package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceClaimBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.pod.PodSpecs;
import io.jenkins.plugins.gputrain.core.pod.PodValidation;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The real API server's verdict (a server-side dry-run create: validation and admission, nothing stored) on the pods
 * gpu-train generates, and on pods its own validation refuses: every generated pod is accepted, and each field
 * {@link PodValidation} refuses the API server refuses too, so that a user learns it before a pod is created; and the
 * other direction, on random changes across the pod: what the API server accepts, gpu-train's offline validation
 * accepts.
 */
class ApiServerVerdictIT {
    private static final String PRIORITY_CLASS = "ml-batch";

    private static Optional<Testbed> testbed;
    private static Sandbox sandbox;

    @BeforeContainer
    static void connect() {
        testbed = Testbed.connectIfRunning();
        testbed.ifPresent(bed -> {
            sandbox = Sandbox.create(bed, "verdict");
            // The priority class PodSpecs' --pod-yaml names, as a cluster that offers it has it (admission refuses a
            // pod naming one that does not exist).
            bed.client()
                    .scheduling()
                    .v1()
                    .priorityClasses()
                    .resource(new PriorityClassBuilder()
                            .withNewMetadata()
                            .withName(PRIORITY_CLASS)
                            .endMetadata()
                            .withValue(1000)
                            .build())
                    .createOr(existing -> existing.update());
        });
    }

    @AfterContainer
    static void close() {
        if (sandbox != null) {
            sandbox.close();
            sandbox.client()
                    .scheduling()
                    .v1()
                    .priorityClasses()
                    .withName(PRIORITY_CLASS)
                    .delete();
        }
        testbed.ifPresent(Testbed::close);
    }

    @Provide
    Arbitrary<TrainingPodSpec> specs() {
        return PodSpecs.specs();
    }

    @Property(tries = 150)
    void everyPodGpuTrainGeneratesIsAcceptedByTheApiServer(@ForAll("specs") TrainingPodSpec spec) {
        Assume.that(testbed.isPresent());
        Pod pod = new TrainingPodFactory().create(spec);
        PodValidation.check(pod);

        Throwable verdict = catchThrowable(() -> dryRun(pod));

        assertThat(verdict)
                .as("the API server's verdict on\n"
                        + new io.jenkins.plugins.gputrain.core.pod.PodManifest().toYaml(pod))
                .isNull();
    }

    @Example
    void aPodNameOf253CharactersIsValidForBoth() {
        Assume.that(testbed.isPresent());
        Pod pod = withName("g".repeat(253));

        PodValidation.check(pod);
        assertThat(catchThrowable(() -> dryRun(pod))).isNull();
    }

    @Example
    void whatGpuTrainRefusesTheApiServerRefusesToo() {
        Assume.that(testbed.isPresent());
        assertBothRefuse("metadata.name", generated(pod -> withName("g".repeat(254))));
        assertBothRefuse("spec.activeDeadlineSeconds", generated(pod -> new PodBuilder(pod)
                .editSpec()
                .withActiveDeadlineSeconds(PodValidation.MAX_DEADLINE_SECONDS + 1)
                .endSpec()
                .build()));
        assertBothRefuse("resources", generated(pod -> new PodBuilder(pod)
                .editSpec()
                .editFirstContainer()
                .editResources()
                .addToRequests("requests.nvidia.com/gpu", new Quantity("1"))
                .addToLimits("requests.nvidia.com/gpu", new Quantity("1"))
                .endResources()
                .endContainer()
                .endSpec()
                .build()));
        assertBothRefuse("nvidia.com/gpu", generated(pod -> new PodBuilder(pod)
                .editSpec()
                .editFirstContainer()
                .editResources()
                .addToRequests("nvidia.com/gpu", new Quantity("1"))
                .addToLimits("nvidia.com/gpu", new Quantity("2"))
                .endResources()
                .endContainer()
                .endSpec()
                .build()));
        assertBothRefuse("cpu", generated(pod -> new PodBuilder(pod)
                .editSpec()
                .editFirstContainer()
                .editResources()
                .addToRequests("cpu", new Quantity("4"))
                .addToLimits("cpu", new Quantity("2"))
                .endResources()
                .endContainer()
                .endSpec()
                .build()));
        assertBothRefuse("mountPath", generated(pod -> new PodBuilder(pod)
                .editSpec()
                .editFirstContainer()
                .addToVolumeMounts(new VolumeMountBuilder()
                        .withName(pod.getSpec().getVolumes().get(0).getName() + "-again")
                        .withMountPath(pod.getSpec()
                                .getContainers()
                                .get(0)
                                .getVolumeMounts()
                                .get(0)
                                .getMountPath())
                        .build())
                .endContainer()
                .addNewVolume()
                .withName(pod.getSpec().getVolumes().get(0).getName() + "-again")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .build()));
        assertBothRefuse("tolerations", generated(pod -> new PodBuilder(pod)
                .editSpec()
                .addToTolerations(new TolerationBuilder()
                        .withKey("dedicated")
                        .withOperator("Exists")
                        .withValue("ml")
                        .build())
                .endSpec()
                .build()));
    }

    /**
     * Issue-14 D5, N15, N16: the rules after {@code validation.go} v1.35.4 (hugepages, extended resources, annotation
     * size, env names, subPaths, node affinity, generateName, priorityClassName, toleration operators); for each,
     * gpu-train and the API server refuse the pod naming the same field.
     */
    @Example
    void theApiServerNamesTheFieldGpuTrainNames() {
        Assume.that(testbed.isPresent());
        assertBothRefuse(
                "spec.containers[0].resources.requests",
                resources(Map.of("hugepages-2Mi", "2Mi"), Map.of("hugepages-2Mi", "4Mi")));
        assertBothRefuse("spec.containers[0].resources.limits", resources(Map.of("hugepages-2Mi", "2Mi"), Map.of()));
        assertBothRefuse(
                "spec.containers[0].resources.limits[hugepages-2Mi]",
                resources(Map.of(), Map.of("hugepages-2Mi", "3Mi")));
        assertBothRefuse(
                "spec.containers[0].resources.limits[example.com/fpga]",
                resources(Map.of("example.com/fpga", "1999m"), Map.of("example.com/fpga", "1999m")));
        assertBothRefuse(
                "spec.containers[0].resources.requests",
                resources(Map.of("example.com/fpga", "1"), Map.of("example.com/fpga", "2")));
        assertBothRefuse("spec.initContainers[0].resources", initContainer(init -> init.withNewResources()
                .addToLimits("hugepages-2Mi", new Quantity("2Mi"))
                .endResources()));
        assertBothRefuse("metadata.annotations", generated(pod -> new PodBuilder(pod)
                .editMetadata()
                .addToAnnotations("gpu-train.io/notes", "x".repeat(256 * 1024))
                .endMetadata()
                .build()));
        assertBothRefuse(
                "spec.initContainers[0].env[0].name",
                initContainer(
                        init -> init.addNewEnv().withName("A=B").withValue("x").endEnv()));
        assertBothRefuse("spec.initContainers[0].volumeMounts.subPath", initContainer(init -> init.addNewVolumeMount()
                .withName("dshm")
                .withMountPath("/x")
                .withSubPath("data/../../etc")
                .endVolumeMount()));
        assertBothRefuse("spec.initContainers[0].volumeMounts.subPath", initContainer(init -> init.addNewVolumeMount()
                .withName("dshm")
                .withMountPath("/x")
                .withSubPath("/etc")
                .endVolumeMount()));
        String expression =
                "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                        + ".matchExpressions[0]";
        assertBothRefuse(expression + ".values", affinity("gpu", "In"));
        assertBothRefuse(expression + ".values", affinity("gpu", "Exists", "true"));
        assertBothRefuse(expression + ".operator", affinity("gpu", "Like", "x"));
        assertBothRefuse("metadata.generateName", generated(pod -> new PodBuilder(pod)
                .editMetadata()
                .withGenerateName("Train_")
                .endMetadata()
                .build()));
        // The Priority admission plugin, which runs before validation, refuses a class that does not exist (403);
        // a name gpu-train refuses can never exist, as PriorityClass names are DNS subdomains too.
        assertBothRefuse(
                HttpURLConnection.HTTP_FORBIDDEN, "spec.priorityClassName", generated(pod -> new PodBuilder(pod)
                        .editSpec()
                        .withPriorityClassName("ML batch")
                        .endSpec()
                        .build()));
        assertBothRefuse("spec.tolerations[1].operator", toleration("Equal", "b c"));
        assertBothRefuse("spec.tolerations[1].operator", toleration("In", "b"));
        assertBothRefuse("spec.tolerations[1].operator", toleration("Gt", "1"));
    }

    /**
     * Review finding 3: pod-level {@code spec.resources} (PodLevelResources, beta and on in 1.35), judged on the pod
     * as the API server defaults it; for each rule of validatePodResources both refuse, naming the same field, and the
     * API server's message for it says what gpu-train's does. The generated dvc container requests and is limited to
     * cpu 2 and memory 4000Mi.
     */
    @Example
    void podLevelResourcesAreJudgedAsTheApiServerJudgesThem() {
        Assume.that(testbed.isPresent());
        assertBothRefuseSaying(
                "spec.resources.limits[nvidia.com/gpu]",
                "Unsupported value: \"nvidia.com/gpu\": supported values: \"cpu\", \"hugepages-\", \"memory\"",
                generated(podLevel(Map.of(), Map.of("nvidia.com/gpu", "1"))));
        assertBothRefuseSaying(
                "spec.resources.requests",
                "must be less than or equal to cpu limit of 2500m",
                generated(podLevel(Map.of("cpu", "3"), Map.of("cpu", "2500m"))));
        assertBothRefuseSaying(
                "spec.resources.requests",
                "Invalid value: \"4G\": must be less than or equal to memory limit of 1Gi",
                generated(podLevel(Map.of(), Map.of("memory", "1Gi"))));
        assertBothRefuseSaying(
                "spec.resources.requests[cpu]",
                "must be greater than or equal to aggregate container requests of 2",
                generated(podLevel(Map.of("cpu", "1"), Map.of())));
        assertBothRefuseSaying(
                "spec.resources.requests[cpu]",
                "must be greater than or equal to aggregate container requests of 2500m",
                withSidecar(podLevel(Map.of("cpu", "2"), Map.of()), "500m"));
        assertBothRefuseSaying(
                "spec.resources.containers[0][cpu].limits",
                "must be less than or equal to pod limits of 2",
                resourcesOf(podLevel(Map.of("cpu", "2"), Map.of("cpu", "2")), Map.of(), Map.of("cpu", "3")));
        assertBothRefuseSaying(
                "spec.resources.limits",
                "Limit must be set for non overcommitable resources",
                generated(podLevel(Map.of("hugepages-2Mi", "2Mi", "memory", "4000Mi"), Map.of())));
        assertBothRefuseSaying(
                "spec.resources.limits[hugepages-2Mi]",
                "3Mi is not positive integer multiple of hugepages-2Mi",
                generated(podLevel(Map.of(), Map.of("hugepages-2Mi", "3Mi"))));
        assertBothRefuseSaying(
                "spec.resources.claims", "claims may not be set for Resources at pod-level", generated(pod -> {
                    Pod changed = podLevel(Map.of(), Map.of("cpu", "2")).apply(pod);
                    changed.getSpec()
                            .getResources()
                            .setClaims(List.of(
                                    new ResourceClaimBuilder().withName("gpu").build()));
                    return changed;
                }));
        for (Pod pod : List.of(
                generated(podLevel(Map.of(), Map.of("cpu", "4", "memory", "8Gi"))),
                generated(podLevel(Map.of("cpu", "2", "memory", "4000Mi"), Map.of())),
                withSidecar(podLevel(Map.of("cpu", "2500m"), Map.of("cpu", "3")), "500m"),
                generated(podLevel(Map.of(), Map.of("hugepages-2Mi", "4Mi", "memory", "8Gi"))))) {
            PodValidation.check(pod);
            assertThat(catchThrowable(() -> dryRun(pod)))
                    .as("the API server's verdict on\n"
                            + new io.jenkins.plugins.gputrain.core.pod.PodManifest().toYaml(pod))
                    .isNull();
        }
    }

    /** Both refuse naming {@code field}, and the API server's message for that field contains {@code says}. */
    private static void assertBothRefuseSaying(String field, String says, Pod pod) {
        assertBothRefuse(field, pod);
        String offline = ((InvalidSpecException) catchThrowable(() -> PodValidation.check(pod))).reason();
        KubernetesClientException server = (KubernetesClientException) catchThrowable(() -> dryRun(pod));
        assertThat(server.getStatus().getDetails().getCauses())
                .as(server.getMessage())
                .filteredOn(cause -> field.equals(cause.getField()))
                .extracting(StatusCause::getMessage)
                .anySatisfy(message -> assertThat(message)
                        .contains(says)
                        .contains(offline.replace("Forbidden: ", "").replace("Unsupported value: ", "")));
    }

    private static UnaryOperator<Pod> podLevel(Map<String, String> requests, Map<String, String> limits) {
        return pod -> new PodBuilder(pod)
                .editSpec()
                .withNewResources()
                .withRequests(quantities(requests))
                .withLimits(quantities(limits))
                .endResources()
                .endSpec()
                .build();
    }

    private static Pod withSidecar(UnaryOperator<Pod> change, String cpu) {
        return generated(pod -> new PodBuilder(change.apply(pod))
                .editSpec()
                .addToInitContainers(new ContainerBuilder()
                        .withName("proxy")
                        .withImage("busybox")
                        .withRestartPolicy("Always")
                        .withNewResources()
                        .addToRequests("cpu", new Quantity(cpu))
                        .endResources()
                        .build())
                .endSpec()
                .build());
    }

    private static Map<String, Quantity> quantities(Map<String, String> amounts) {
        Map<String, Quantity> quantities = new java.util.TreeMap<>();
        amounts.forEach((name, amount) -> quantities.put(name, new Quantity(amount)));
        return quantities;
    }

    private static Pod resourcesOf(
            UnaryOperator<Pod> change, Map<String, String> requests, Map<String, String> limits) {
        return generated(pod -> resourcesOf(change.apply(pod), requests, limits));
    }

    /** What the same rules accept, the API server accepts: the refusals above are not simply "anything unusual". */
    @Example
    void whatGpuTrainAcceptsUnderTheNewRulesTheApiServerAccepts() {
        Assume.that(testbed.isPresent());
        for (Pod pod : List.of(
                resources(Map.of("hugepages-2Mi", "4Mi"), Map.of("hugepages-2Mi", "4Mi")),
                resources(Map.of("example.com/fpga", "1.9995"), Map.of("example.com/fpga", "1.9995")),
                generated(pod -> new PodBuilder(pod)
                        .editMetadata()
                        .addToAnnotations("gpu-train.io/notes", "x".repeat(256 * 1024 - 200))
                        .endMetadata()
                        .build()),
                initContainer(init -> init.addNewEnv()
                        .withName("my.var-1 with space")
                        .withValue("x")
                        .endEnv()
                        .addNewVolumeMount()
                        .withName("dshm")
                        .withMountPath("/x")
                        .withSubPath("data/..x/./y")
                        .endVolumeMount()),
                affinity("gpu", "DoesNotExist"),
                generated(pod -> new PodBuilder(pod)
                        .editMetadata()
                        .withGenerateName("train-")
                        .endMetadata()
                        .build()))) {
            PodValidation.check(pod);
            assertThat(catchThrowable(() -> dryRun(pod)))
                    .as("the API server's verdict on\n"
                            + new io.jenkins.plugins.gputrain.core.pod.PodManifest().toYaml(pod))
                    .isNull();
        }
    }

    /**
     * Issue-14 review finding 14, the other direction: on pods changed in fields across the pod (names, labels,
     * annotations, deadline, env, volumes, resources, tolerations, and fields {@link PodValidation} does not check,
     * such as restartPolicy, imagePullPolicy, ports and the grace period), every pod the API server accepts gpu-train's
     * offline validation accepts too, and when both refuse, gpu-train's field and one the API server names are the
     * same path or one contains the other. The API server may refuse more (it is the authoritative check, the engine
     * asks it with a dry run); how often is reported. No dry run leaves a pod behind.
     */
    @Property(tries = 120)
    void whatTheApiServerAcceptsGpuTrainAcceptsAndBothNameComparableFields(
            @ForAll("changes") List<UnaryOperator<Pod>> changes) {
        Assume.that(testbed.isPresent());
        Pod pod = generated(original -> {
            Pod changed = original;
            for (UnaryOperator<Pod> change : changes) {
                changed = change.apply(changed);
            }
            return changed;
        });
        Throwable offline = catchThrowable(() -> PodValidation.check(pod));
        Throwable server = catchThrowable(() -> dryRun(pod));
        String context = "gpu-train: " + offline + "\nAPI server: " + server + "\npod:\n"
                + new io.jenkins.plugins.gputrain.core.pod.PodManifest().toYaml(pod);

        Statistics.label("gpu-train / API server")
                .collect(offline == null ? "accepts" : "refuses", server == null ? "accepts" : "refuses");
        if (server == null) {
            assertThat(offline)
                    .as("the API server accepts, so gpu-train must:\n" + context)
                    .isNull();
        } else if (offline != null) {
            assertThat(offline).isInstanceOf(InvalidSpecException.class);
            assertThat(server).isInstanceOf(KubernetesClientException.class);
            String field = ((InvalidSpecException) offline).field();
            List<String> named = serverFields((KubernetesClientException) server);
            assertThat(named)
                    .as("a field the API server names, comparable with gpu-train's " + field + ":\n" + context)
                    .anyMatch(other -> comparable(field, other));
        }
        assertThat(sandbox.client()
                        .pods()
                        .inNamespace(sandbox.namespace())
                        .list()
                        .getItems())
                .as("a dry run creates no pod")
                .isEmpty();
        Statistics.label("gpu-train / API server").coverage(coverage -> {
            coverage.check("accepts", "accepts").count(n -> n >= 5);
            coverage.check("refuses", "refuses").count(n -> n >= 5);
        });
    }

    @Provide
    Arbitrary<List<UnaryOperator<Pod>>> changes() {
        return Arbitraries.oneOf(List.of(
                        Arbitraries.of("gpu-train-x", "Gpu-train", "a.b-c", "g".repeat(253), "g".repeat(254), "a_b")
                                .map(name -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editMetadata()
                                        .withName(name)
                                        .endMetadata()
                                        .build()),
                        Arbitraries.of("app", "example.com/app", "-app", "a/b/c", "x".repeat(64), "Bad Key")
                                .flatMap(key -> Arbitraries.of("ml", "", "-ml", "a b", "y".repeat(64))
                                        .map(value -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                                .editMetadata()
                                                .addToLabels(key, value)
                                                .endMetadata()
                                                .build())),
                        Arbitraries.of("note", "example.com/Note", "Bad Key", "a/b/c", "-note")
                                .map(key -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editMetadata()
                                        .addToAnnotations(key, "any value: ok")
                                        .endMetadata()
                                        .build()),
                        Arbitraries.of("pool", "example.com/pool", "-pool").flatMap(key -> Arbitraries.of("a", "a b")
                                .map(value -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editSpec()
                                        .addToNodeSelector(key, value)
                                        .endSpec()
                                        .build())),
                        Arbitraries.of(1L, 0L, -5L, 2147483647L, 2147483648L)
                                .map(seconds -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editSpec()
                                        .withActiveDeadlineSeconds(seconds)
                                        .endSpec()
                                        .build()),
                        Arbitraries.of("init", "dvc", "Init", "a.b", "i".repeat(63), "i".repeat(64))
                                .map(name -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editSpec()
                                        .addToInitContainers(new ContainerBuilder()
                                                .withName(name)
                                                .withImage("busybox")
                                                .build())
                                        .endSpec()
                                        .build()),
                        Arbitraries.of("A", "my.var-1", "A=B", "", "tab\there")
                                .map(name -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editSpec()
                                        .editFirstContainer()
                                        .addNewEnv()
                                        .withName(name)
                                        .withValue("v")
                                        .endEnv()
                                        .endContainer()
                                        .endSpec()
                                        .build()),
                        Arbitraries.of("data", "Data", "a.b", "dshm", "d".repeat(64))
                                .map(name -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editSpec()
                                        .addNewVolume()
                                        .withName(name)
                                        .withNewEmptyDir()
                                        .endEmptyDir()
                                        .endVolume()
                                        .endSpec()
                                        .build()),
                        Arbitraries.of("1", "500m", "0", "64", "1.5")
                                .flatMap(request -> Arbitraries.of("1", "2", "500m")
                                        .map(limit -> (UnaryOperator<Pod>)
                                                pod -> resourcesOf(pod, Map.of("cpu", request), Map.of("cpu", limit)))),
                        Arbitraries.of("Equal", "Exists", "", "In").flatMap(operator -> Arbitraries.of("", "ml", "a b")
                                .map(value -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editSpec()
                                        .addToTolerations(new TolerationBuilder()
                                                .withKey("dedicated")
                                                .withOperator(operator)
                                                .withValue(value)
                                                .withEffect("NoSchedule")
                                                .build())
                                        .endSpec()
                                        .build())),
                        Arbitraries.of("Never", "OnFailure", "Sometimes")
                                .map(policy -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editSpec()
                                        .withRestartPolicy(policy)
                                        .endSpec()
                                        .build()),
                        Arbitraries.of("IfNotPresent", "Sometimes")
                                .map(policy -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                        .editSpec()
                                        .editFirstContainer()
                                        .withImagePullPolicy(policy)
                                        .endContainer()
                                        .endSpec()
                                        .build()),
                        Arbitraries.of(80, 0, 70000).map(port -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                .editSpec()
                                .editFirstContainer()
                                .addNewPort()
                                .withContainerPort(port)
                                .endPort()
                                .endContainer()
                                .endSpec()
                                .build()),
                        Arbitraries.of("", "1", "2", "3")
                                .flatMap(request -> Arbitraries.of("", "1500m", "2", "4", "gpu")
                                        .map(limit -> podLevel(
                                                request.isEmpty() ? Map.of() : Map.of("cpu", request),
                                                limit.isEmpty()
                                                        ? Map.of()
                                                        : limit.equals("gpu")
                                                                ? Map.of("nvidia.com/gpu", "1")
                                                                : Map.of("cpu", limit)))),
                        Arbitraries.of(30L, 0L, -1L).map(seconds -> (UnaryOperator<Pod>) pod -> new PodBuilder(pod)
                                .editSpec()
                                .withTerminationGracePeriodSeconds(seconds)
                                .endSpec()
                                .build())))
                .list()
                .ofMinSize(1)
                .ofMaxSize(2);
    }

    /** The fields a 422's causes name; none for another refusal. */
    private static List<String> serverFields(KubernetesClientException refusal) {
        if (refusal.getCode() != 422
                || refusal.getStatus() == null
                || refusal.getStatus().getDetails() == null) {
            return List.of();
        }
        return refusal.getStatus().getDetails().getCauses().stream()
                .map(StatusCause::getField)
                .toList();
    }

    /** The same path, or one contains the other ({@code spec.containers[0].resources} and its {@code .requests}). */
    private static boolean comparable(String field, String other) {
        return field.equals(other) || within(field, other) || within(other, field);
    }

    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer) && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }

    private static Pod resourcesOf(Pod pod, Map<String, String> requests, Map<String, String> limits) {
        Pod changed = new PodBuilder(pod).build();
        var resources = changed.getSpec().getContainers().get(0).getResources();
        requests.forEach((name, amount) -> resources.getRequests().put(name, new Quantity(amount)));
        limits.forEach((name, amount) -> resources.getLimits().put(name, new Quantity(amount)));
        return changed;
    }

    private static Pod resources(Map<String, String> requests, Map<String, String> limits) {
        return generated(pod -> resourcesOf(pod, requests, limits));
    }

    private static Pod initContainer(UnaryOperator<ContainerBuilder> init) {
        return generated(pod -> new PodBuilder(pod)
                .editSpec()
                .addToInitContainers(
                        init.apply(new ContainerBuilder().withName("init").withImage("busybox"))
                                .build())
                .endSpec()
                .build());
    }

    private static Pod affinity(String key, String operator, String... values) {
        return generated(pod -> new PodBuilder(pod)
                .editSpec()
                .withNewAffinity()
                .withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm()
                .addNewMatchExpression()
                .withKey(key)
                .withOperator(operator)
                .withValues(values)
                .endMatchExpression()
                .endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity()
                .endAffinity()
                .endSpec()
                .build());
    }

    private static Pod toleration(String operator, String value) {
        return generated(pod -> new PodBuilder(pod)
                .editSpec()
                .addToTolerations(new TolerationBuilder()
                        .withKey("dedicated")
                        .withOperator(operator)
                        .withValue(value)
                        .build())
                .endSpec()
                .build());
    }

    private static Pod withName(String name) {
        return generated(pod ->
                new PodBuilder(pod).editMetadata().withName(name).endMetadata().build());
    }

    private static Pod generated(UnaryOperator<Pod> change) {
        return change.apply(new TrainingPodFactory()
                .create(TrainingPodSpec.builder("verdict")
                        .podName("gpu-train-verdict")
                        .machine(MachineSize.parse("2-4000+t4*1"))
                        .build()));
    }

    private static void assertBothRefuse(String field, Pod pod) {
        assertBothRefuse(422, field, pod);
    }

    /**
     * Both refuse, the API server with this HTTP code; when {@code field} is a full field path ({@code spec.…},
     * {@code metadata.…}), gpu-train names exactly it and a 422's causes include it.
     */
    private static void assertBothRefuse(int code, String field, Pod pod) {
        boolean path = field.startsWith("spec.") || field.startsWith("metadata.");
        assertThatThrownBy(() -> PodValidation.check(pod))
                .as("gpu-train's validation of " + field)
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    if (path) {
                        assertThat(e.field()).isEqualTo(field);
                    }
                });
        assertThatThrownBy(() -> dryRun(pod))
                .as("the API server's verdict on " + field)
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).as(e.getMessage()).isEqualTo(code);
                    if (path && code == 422) {
                        assertThat(e.getStatus().getDetails().getCauses())
                                .as(e.getMessage())
                                .extracting(StatusCause::getField)
                                .contains(field);
                    }
                });
    }

    private static void dryRun(Pod pod) {
        sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .resource(pod)
                .dryRun()
                .create();
    }
}
