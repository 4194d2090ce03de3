package io.jenkins.plugins.gputrain.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.KubernetesTraining;
import io.jenkins.plugins.gputrain.core.engine.LocalWorkspace;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.TrainingWorkspace;
import io.jenkins.plugins.gputrain.core.engine.k8s.MockDryRun;
import io.jenkins.plugins.gputrain.core.engine.k8s.Nodes;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodCopy;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteSecret;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freestyle step's training against fabric8's mock API server (CRUD mode; the test moves the pod through its
 * phases). The command and the copies are stand-ins, since exec over the mock server's WebSocket is exercised in core.
 */
@EnableKubernetesMockClient(crud = true)
class BuildStepTrainingTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private volatile CommandResult commandResult = new CommandResult(0, false);
    private volatile Duration commandTimeout;
    private TrainingWorkspace workspace;

    @BeforeEach
    void workspace() throws IOException {
        Files.writeString(directory.resolve("dvc.yaml"), "metrics:\n- m.json\n");
        workspace = new LocalWorkspace(directory);
        MockDryRun.answer(server, "test");
    }

    @Test
    void aSucceedingCommandPassesAndThePodIsDeleted() throws Exception {
        CompletableFuture<Void> training = start("p1");
        setStatus("p1", running());

        training.get(20, TimeUnit.SECONDS);

        assertThat(console())
                .contains(
                        "[gpu-train] created pod test/p1",
                        "[gpu-train] running in pod p1: sh -c dvc repro --pull",
                        "[gpu-train] deleted pod p1");
        assertGone("p1");
    }

    @Test
    void aFailingCommandFailsTheBuildWithItsExitCode() throws Exception {
        commandResult = new CommandResult(3, false);
        CompletableFuture<Void> training = start("p2");
        setStatus("p2", running());

        assertThatThrownBy(() -> training.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(AbortException.class)
                .hasMessage("[gpu-train] the command exited with code 3");
        assertGone("p2");
    }

    @Test
    void aCommandThatRunsTooLongFailsTheBuildSayingSo() throws Exception {
        commandResult = new CommandResult(-1, true);
        CompletableFuture<Void> training = start("p3");
        setStatus("p3", running());

        assertThatThrownBy(() -> training.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(AbortException.class)
                .hasMessage("[gpu-train] the command ran longer than 1h and was stopped");
        assertGone("p3");
    }

    /**
     * The kubelet counts {@code activeDeadlineSeconds} from {@code status.startTime}, before the image pull and the
     * upload ({@code pkg/kubelet/active_deadline.go} pastActiveDeadline, Kubernetes v1.35.4): the pod's deadline is
     * the step's timeout plus the margin, and the command alone gets the step's timeout.
     */
    @Test
    void thePodsDeadlineIsTheTimeoutPlusTheMarginAndTheCommandGetsTheTimeout() throws Exception {
        CompletableFuture<Void> training = start("p12");
        assertThat(client.pods()
                        .inNamespace("test")
                        .withName("p12")
                        .get()
                        .getSpec()
                        .getActiveDeadlineSeconds())
                .isEqualTo(Duration.ofMinutes(90).toSeconds());
        setStatus("p12", running());

        training.get(20, TimeUnit.SECONDS);

        assertThat(commandTimeout).isEqualTo(Duration.ofHours(1));
    }

    /**
     * A pod the kubelet stops at its deadline ({@code active_deadline.go}: phase Failed, reason DeadlineExceeded)
     * before the command's timeout fails the build naming the step's Timeout the deadline was made from.
     */
    @Test
    void aPodPastItsDeadlineFailsTheBuildNamingTheTimeout() throws Exception {
        CompletableFuture<Void> training = train(1, Optional.empty(), "p13");
        waitFor("p13");
        setStatus(
                "p13",
                new PodStatusBuilder()
                        .withPhase("Failed")
                        .withReason("DeadlineExceeded")
                        .withMessage("Pod was active on the node longer than the specified deadline")
                        .build());

        assertThatThrownBy(() -> training.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(AbortException.class)
                .hasMessage("[gpu-train] The pod ran longer than its deadline (activeDeadlineSeconds): Pod was active"
                        + " on the node longer than the specified deadline (the pod's deadline is the step's Timeout"
                        + " 1h plus 30m for the image pull and the workspace copies; a longer Timeout gives the pod"
                        + " more time)");
        assertThat(console()).doesNotContain("starting a new pod");
        assertGone("p13");
    }

    @Test
    void aPodThatCannotPullItsImageFailsTheBuildWithTheReason() throws Exception {
        CompletableFuture<Void> training = start("p4");
        setStatus("p4", invalidImageName());

        assertThatThrownBy(() -> training.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(AbortException.class)
                .hasMessage("[gpu-train] Container dvc cannot start (Reason: InvalidImageName): Failed to apply default"
                        + " image tag \"Nope\": couldn't parse image name");
        assertGone("p4");
    }

    @Test
    void anAbortedBuildDeletesThePodAndStaysAborted() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread build = new Thread(() -> {
            try {
                training(false, "p5").train(spec(), Optional.empty(), workspace, "dvc repro --pull", 0);
                outcome.complete(null);
            } catch (Exception e) {
                outcome.complete(e);
            }
        });
        build.start();
        waitFor("p5");

        build.interrupt();

        assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(console()).contains("[gpu-train] deleted pod p5");
        assertGone("p5");
    }

    @Test
    void noNodeForThePodFailsTheBuildBeforeAnyPodIsCreated() {
        client.nodes()
                .resource(Nodes.node("dedicated")
                        .taint("dedicated", "ml", "NoSchedule")
                        .build())
                .create();

        assertThatThrownBy(() -> training(true, "p6").train(spec(), Optional.empty(), workspace, "true", 1))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[gpu-train] preflight: no node can run pod p6 (checked its node selector")
                .hasMessageContaining("of 1 node; closest: dedicated (taint dedicated=ml:NoSchedule not tolerated");
        assertThat(client.pods().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void aPodEvictedFromItsNodeIsReplacedByANewOneWithinTheRetries() throws Exception {
        CompletableFuture<Void> training = train(1, Optional.empty(), "p7-1", "p7-2");
        waitFor("p7-1");
        setStatus("p7-1", evicted());

        waitFor("p7-2");
        setStatus("p7-2", running());
        training.get(20, TimeUnit.SECONDS);

        assertThat(console())
                .contains("[gpu-train] The pod was evicted: The node was low on resource: memory.; starting a new pod"
                        + " (retry 1 of 1)")
                .contains("[gpu-train] deleted pod p7-1", "[gpu-train] deleted pod p7-2");
        assertGone("p7-1");
        assertGone("p7-2");
    }

    @Test
    void anEvictionAfterTheLastRetryFailsTheBuild() throws Exception {
        CompletableFuture<Void> training = train(0, Optional.empty(), "p8");
        waitFor("p8");
        setStatus("p8", evicted());

        assertThatThrownBy(() -> training.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(AbortException.class)
                .hasMessage("[gpu-train] The pod was evicted: The node was low on resource: memory.");
        assertThat(console()).doesNotContain("starting a new pod");
        assertGone("p8");
    }

    @Test
    void aPodThatCannotStartIsNotRetried() throws Exception {
        CompletableFuture<Void> training = train(3, Optional.empty(), "p9");
        waitFor("p9");
        setStatus("p9", invalidImageName());

        assertThatThrownBy(() -> training.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("InvalidImageName");
        assertThat(console()).doesNotContain("starting a new pod");
        assertGone("p9");
    }

    @Test
    void dvcRemoteCredentialsReachThePodThroughASecretThatIsGoneAfterTheTraining() throws Exception {
        CompletableFuture<Void> training =
                train(0, Optional.of(DvcRemoteSecret.usernamePassword("AKIA1", "s3cr3t")), "p10");
        waitFor("p10");

        Secret secret =
                client.secrets().inNamespace("test").withName("p10-dvc-remote").get();
        assertThat(secret.getMetadata().getLabels()).containsEntry("gpu-train.jenkins.io/run-id", "job-1");
        Pod pod = client.pods().inNamespace("test").withName("p10").get();
        assertThat(pod.getSpec().getContainers().get(0).getEnv())
                .extracting(env -> env.getName() + "<-"
                        + env.getValueFrom().getSecretKeyRef().getName())
                .containsExactly("AWS_ACCESS_KEY_ID<-p10-dvc-remote", "AWS_SECRET_ACCESS_KEY<-p10-dvc-remote");
        setStatus("p10", running());
        training.get(20, TimeUnit.SECONDS);

        assertThat(client.secrets()
                        .inNamespace("test")
                        .withName("p10-dvc-remote")
                        .get())
                .isNull();
        assertThat(console())
                .contains(
                        "[gpu-train] created secret test/p10-dvc-remote with keys [AWS_ACCESS_KEY_ID,"
                                + " AWS_SECRET_ACCESS_KEY]",
                        "[gpu-train] deleted secret p10-dvc-remote")
                .doesNotContain("s3cr3t");
    }

    @Test
    void theSecretIsDeletedWhenThePodFailsAndEveryRetryUsesIt() throws Exception {
        CompletableFuture<Void> training =
                train(1, Optional.of(DvcRemoteSecret.secretText("AccountKey=s3cr3t")), "p11-1", "p11-2");
        waitFor("p11-1");
        setStatus("p11-1", evicted());
        waitFor("p11-2");
        assertThat(client.pods()
                        .inNamespace("test")
                        .withName("p11-2")
                        .get()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv())
                .extracting(env -> env.getValueFrom().getSecretKeyRef().getName())
                .containsExactly("p11-1-dvc-remote");
        setStatus("p11-2", invalidImageName());

        assertThatThrownBy(() -> training.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(AbortException.class);
        assertThat(client.secrets().inNamespace("test").list().getItems()).isEmpty();
        assertThat(console()).doesNotContain("s3cr3t");
    }

    private CompletableFuture<Void> train(int retries, Optional<DvcRemoteSecret> remote, String... podNames) {
        return CompletableFuture.runAsync(() -> {
            try {
                training(false, podNames).train(spec(), remote, workspace, "dvc repro --pull", retries);
            } catch (AbortException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
    }

    private void waitFor(String name) {
        client.pods().inNamespace("test").withName(name).waitUntilCondition(p -> p != null, 20, TimeUnit.SECONDS);
    }

    private static PodStatus invalidImageName() {
        return new PodStatusBuilder()
                .withPhase("Pending")
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName("dvc")
                        .withNewState()
                        .withNewWaiting()
                        .withReason("InvalidImageName")
                        .withMessage("Failed to apply default image tag \"Nope\": couldn't parse image name")
                        .endWaiting()
                        .endState()
                        .build())
                .build();
    }

    private static PodStatus evicted() {
        return new PodStatusBuilder()
                .withPhase("Failed")
                .withReason("Evicted")
                .withMessage("The node was low on resource: memory.")
                .addNewCondition() // a pressure eviction (eviction_manager.go adds TerminationByKubelet)
                .withType("DisruptionTarget")
                .withStatus("True")
                .withReason("TerminationByKubelet")
                .endCondition()
                .build();
    }

    private CompletableFuture<Void> start(String name) {
        CompletableFuture<Void> training = train(0, Optional.empty(), name);
        waitFor(name);
        return training;
    }

    private BuildStepTraining training(boolean preflight, String... podNames) {
        Iterator<String> names = List.of(podNames).iterator();
        PodCopy copies = new PodCopy() {
            @Override
            public void upload(PodResource pod, TrainingWorkspace from, ProgressListener listener) {
                listener.progress("copying the workspace into the pod");
            }

            @Override
            public List<String> download(
                    PodResource pod, TrainingWorkspace to, List<String> paths, ProgressListener listener) {
                listener.progress("copied back " + paths);
                return paths;
            }
        };
        ConsoleListener listener = new ConsoleListener(new PrintStream(console, true, StandardCharsets.UTF_8));
        return new BuildStepTraining(
                client,
                new KubernetesTraining(
                        client,
                        Clock.systemUTC(),
                        null,
                        preflight,
                        listener,
                        (pod, watch, command, timeout, progress) -> {
                            commandTimeout = timeout;
                            return commandResult;
                        },
                        copies),
                names::next,
                listener);
    }

    private static TrainingPodSpec.Builder spec() {
        return TrainingPodSpec.builder("job-1")
                .namespace("test")
                .machine(MachineSize.parse("1-2000"))
                .timeout(Duration.ofHours(1));
    }

    private void setStatus(String name, PodStatus status) {
        Pod current = client.pods().inNamespace("test").withName(name).get();
        current.setStatus(status);
        client.pods().inNamespace("test").resource(current).updateStatus();
    }

    private static PodStatus running() {
        return new PodStatusBuilder().withPhase("Running").build();
    }

    private void assertGone(String name) {
        assertThat(client.pods().inNamespace("test").withName(name).get()).isNull();
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }
}
