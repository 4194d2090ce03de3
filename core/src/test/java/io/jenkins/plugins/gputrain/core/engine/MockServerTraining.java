package io.jenkins.plugins.gputrain.core.engine;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.k8s.MockDryRun;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodCopy;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodExec;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link KubernetesTraining} run against fabric8's CRUD mock server, in namespace {@value #NAMESPACE}: pod
 * {@code gpu-train-ID} of a spec with nothing but its id, an empty workspace whose only result is
 * {@code metrics.json}, and the command {@code train}, started on another thread so that the test can play the
 * kubelet.
 */
final class MockServerTraining {
    /** The namespace of the pods. */
    static final String NAMESPACE = "test";

    private MockServerTraining() {}

    /**
     * A training without the preflight or a pending timeout, on the system clock.
     *
     * @param client the mock server's client
     * @param listener where the run's progress goes
     * @param exec runs the command in the pod
     * @param copy copies the workspace in and the results back
     * @return the training
     */
    static KubernetesTraining training(KubernetesClient client, ProgressListener listener, PodExec exec, PodCopy copy) {
        return new KubernetesTraining(client, Clock.systemUTC(), null, false, listener, exec, copy);
    }

    /**
     * Starts a run of pod {@code gpu-train-ID}; the API server's dry runs store nothing, and change nothing unless the
     * test said so before.
     *
     * @param server the mock server
     * @param training the training
     * @param id the run's id
     * @param timeout the step timeout, or null for none
     * @return the run's result, failed with the {@link PodFailureException} the run threw
     */
    static CompletableFuture<CommandResult> start(
            KubernetesMockServer server, KubernetesTraining training, String id, Duration timeout) {
        MockDryRun.answer(server, NAMESPACE);
        TrainingPodSpec spec = TrainingPodSpec.builder(id)
                .podName("gpu-train-" + id)
                .namespace(NAMESPACE)
                .build();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return training.run(spec, new EmptyWorkspace(), List.of("train"), timeout);
            } catch (PodFailureException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
    }

    /**
     * Waits until the run has created the pod, then sets its phase Running, as the kubelet would.
     *
     * @param client the mock server's client
     * @param name the pod's name
     */
    static void makeRunning(KubernetesClient client, String name) {
        PodResource pod = client.pods().inNamespace(NAMESPACE).withName(name);
        pod.waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
        Pod current = pod.get();
        current.setStatus(new PodStatusBuilder().withPhase("Running").build());
        pod.updateStatus(current);
    }

    /**
     * A copy that uploads nothing and copies the results back as the test says.
     *
     * @param download what the copy back does
     * @return the copy
     */
    static PodCopy downloading(Download download) {
        return new PodCopy() {
            @Override
            public void upload(PodResource pod, TrainingWorkspace workspace, ProgressListener progress) {}

            @Override
            public List<String> download(
                    PodResource pod, TrainingWorkspace workspace, List<String> paths, ProgressListener progress)
                    throws PodFailureException {
                return download.from(pod, paths);
            }
        };
    }

    /** A test's copy back of the results. */
    @FunctionalInterface
    interface Download {
        /**
         * Copies the results back.
         *
         * @param pod the pod
         * @param paths the result paths
         * @return the files written
         * @throws PodFailureException as a failed copy does
         */
        List<String> from(PodResource pod, List<String> paths) throws PodFailureException;
    }

    /** Packs and unpacks nothing; the report needs {@code metrics.json} back. */
    private static final class EmptyWorkspace implements TrainingWorkspace {
        @Override
        public byte[] pack(long maxBytes) {
            return new byte[0];
        }

        @Override
        public List<String> unpack(byte[] archive, long maxBytes) {
            return List.of();
        }

        @Override
        public List<String> resultPaths() {
            return List.of("metrics.json");
        }
    }
}
