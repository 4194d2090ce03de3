package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
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
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The real API server's verdict (a server-side dry-run create: validation and admission, nothing stored) on the pods
 * gpu-train generates, and on pods its own validation refuses: every generated pod is accepted, and each field
 * {@link PodValidation} refuses the API server refuses too, so that a user learns it before a pod is created.
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
        assertThatThrownBy(() -> PodValidation.check(pod))
                .as("gpu-train's validation of " + field)
                .isInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> dryRun(pod))
                .as("the API server's verdict on " + field)
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(422));
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
