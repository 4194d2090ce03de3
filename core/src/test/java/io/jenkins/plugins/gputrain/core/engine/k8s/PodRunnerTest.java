package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.OutputTail;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import io.jenkins.plugins.gputrain.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pod lifecycle against fabric8's mock server (CRUD mode, plus expectations for exec and API errors). */
@EnableKubernetesMockClient(crud = true)
class PodRunnerTest {
    private static final String NAMESPACE = "test";
    private static final List<String> COMMAND = List.of("sh", "-c", "echo hi");
    /** The id the runs' creates label their pods with. */
    private static final String CREATE_ID = "create-1";

    KubernetesMockServer server;
    KubernetesClient client;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T00:00:00Z"));
    private final RecordingListener listener = new RecordingListener();
    private volatile int exitCode;
    private volatile CountDownLatch execGate = new CountDownLatch(0);
    private volatile List<String> commandOutput = List.of("hi");
    private final OutputTail tail = new OutputTail(listener, PodRunner.LOG_TAIL_LINES);

    @Test
    void happyPathStreamsTheOutputKeepsTheExitCodeAndDeletesThePod() throws Exception {
        exitCode = 3;
        CompletableFuture<CommandResult> run = start(pod("p1"), null);

        setStatus("p1", running());

        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(new CommandResult(3, false));
        assertThat(listener.output).containsExactly("hi");
        assertThat(listener.progress).contains("created pod test/p1", "pod p1 is Running", "deleted pod p1");
        assertGone("p1");
    }

    @Test
    void podThatStaysUnschedulableFailsAtThePendingTimeoutWithTheSchedulersReason() throws Exception {
        CompletableFuture<CommandResult> run = start(pod("p2"), Duration.ofMinutes(5));
        setStatus("p2", unschedulable());
        listener.awaitProgress("pod p2 is Pending: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu.");

        clock.advance(Duration.ofMinutes(6));

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PodFailureException.class)
                .cause()
                .hasMessage("pod p2 is still Pending: 0/3 nodes are available: 3 Insufficient nvidia.com/gpu. after"
                        + " the pending timeout of 5m");
        assertGone("p2");
    }

    /**
     * Findings 12, 16: the kubelet alternates {@code ErrImagePull} (a pull failed; the message is the runtime's error,
     * {@code pkg/kubelet/images/image_manager.go} evalCRIPullErr at v1.35.4) and {@code ImagePullBackOff} ({@code
     * Back-off pulling image %q}, with {@code : <the previous error>} while the kubelet remembers it), 10 s doubling
     * to 300 s: one back-off, failing only once it has lasted {@link KubeletBackOff#IMAGE_PULLS} (longer than the
     * kubelet's largest delay), with the last pull error shown although the final back-off message (a restarted
     * kubelet's) no longer carries it.
     */
    @Test
    void imagePullFailsOnceTheKubeletsBackOffsRepeatForTheirAllowanceNamingTheLastPullError() throws Exception {
        CompletableFuture<CommandResult> run = start(pod("p3"), null);
        String pullError = "rpc error: code = NotFound desc = failed to pull and unpack image"
                + " \"registry.example/train:v1\": failed to resolve reference \"registry.example/train:v1\":"
                + " registry.example/train:v1: not found";
        setStatus("p3", waiting("ErrImagePull", pullError));
        listener.awaitProgress("pod p3 is Pending: ErrImagePull");
        clock.advance(Duration.ofSeconds(10));
        setStatus(
                "p3",
                waiting(
                        "ImagePullBackOff",
                        "Back-off pulling image \"registry.example/train:v1\": ErrImagePull: " + pullError));
        listener.awaitProgress("pod p3 is Pending: ImagePullBackOff");
        clock.advance(Duration.ofMinutes(4));
        setStatus("p3", waiting("ImagePullBackOff", "Back-off pulling image \"registry.example/train:v1\""));
        clock.advance(KubeletBackOff.IMAGE_PULLS.minusMinutes(4).minusSeconds(11));
        assertThat(run).isNotDone();

        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(PodFailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.IMAGE_PULL);
                    assertThat(e)
                            .hasMessage("Container dvc cannot start (Reason: ImagePullBackOff): Back-off pulling"
                                    + " image \"registry.example/train:v1\"; the kubelet's last pull error:"
                                    + " ErrImagePull: " + pullError + " (still after 7m25s of the kubelet's"
                                    + " retries)");
                });
        assertThat(listener.progress).noneMatch(line -> line.contains("log of"));
        assertGone("p3");
    }

    /**
     * N17: a scheduled pod whose volumes do not mount ({@code FailedMount} events, {@code pkg/kubelet/kubelet.go}
     * syncPod at v1.35.4) is a mount problem on its node, not "unschedulable"; the kubelet retried it for the whole
     * pending timeout, so it is not retried with a new pod.
     */
    @Test
    void aScheduledPodWhoseVolumesDoNotMountIsAMountFailureNotUnschedulable() throws Exception {
        CompletableFuture<CommandResult> run = start(pod("p12"), Duration.ofMinutes(5));
        Pod current = client.pods().inNamespace(NAMESPACE).withName("p12").get();
        current.getSpec().setNodeName("gpu-1");
        client.pods().inNamespace(NAMESPACE).resource(current).update();
        events(
                "p12",
                event(
                        "p12",
                        "FailedMount",
                        "kubelet",
                        "MountVolume.SetUp failed for volume \"creds\" : secret \"dvc-remote\" not found",
                        "2026-11-27T00:02:00Z"),
                event(
                        "p12",
                        "Scheduled",
                        "default-scheduler",
                        "Successfully assigned test/p12 to gpu-1",
                        "2026-11-27T00:00:01Z"));
        setStatus("p12", waiting("ContainerCreating", null));
        listener.awaitProgress("pod p12 is Pending: ContainerCreating");

        clock.advance(Duration.ofMinutes(6));

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(PodFailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.MOUNT);
                    assertThat(e.failure().kind().retryable()).isFalse();
                    assertThat(e)
                            .hasMessage("pod p12 was scheduled to node gpu-1, but its volumes were still not mounted"
                                    + " after the pending timeout of 5m of the kubelet's retries: FailedMount (by"
                                    + " kubelet, 3 times): MountVolume.SetUp failed for volume \"creds\" : secret"
                                    + " \"dvc-remote\" not found");
                });
        assertGone("p12");
    }

    /** The pod's events, as the API server answers the field selector gpu-train sends (the mock cannot select). */
    private void events(String pod, io.fabric8.kubernetes.api.model.Event... events) {
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/" + NAMESPACE + "/events?fieldSelector=involvedObject.name%3D" + pod)
                .andReturn(
                        200,
                        new io.fabric8.kubernetes.api.model.EventListBuilder()
                                .withItems(events)
                                .build())
                .always();
    }

    private static io.fabric8.kubernetes.api.model.Event event(
            String pod, String reason, String component, String message, String time) {
        return new io.fabric8.kubernetes.api.model.EventBuilder()
                .withNewMetadata()
                .withName(pod + "." + reason)
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace(NAMESPACE)
                .withName(pod)
                .endInvolvedObject()
                .withReason(reason)
                .withMessage(message)
                .withNewSource()
                .withComponent(component)
                .endSource()
                .withCount(3)
                .withLastTimestamp(time)
                .build();
    }

    /** A configuration error the kubelet keeps retrying fails the pod once it has lasted the back-off grace. */
    @Test
    void aConfigurationErrorFailsOnceItPersists() throws Exception {
        CompletableFuture<CommandResult> run = start(pod("p9"), null);
        setStatus("p9", waiting("CreateContainerConfigError", "secret \"dvc-remote\" not found"));
        listener.awaitProgress("pod p9 is Pending: CreateContainerConfigError");
        clock.advance(KubeletBackOff.SYNC_RETRIES.minusSeconds(1));
        int requestsBefore = server.getRequestCount();
        setStatus("p9", waiting("CreateContainerConfigError", "secret \"dvc-remote\" not found (again)"));
        awaitReadAfterStatusUpdate("p9", requestsBefore);
        assertThat(run).isNotDone();

        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(PodFailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.CONTAINER_CONFIG);
                    assertThat(e)
                            .hasMessage("Container dvc cannot start (Reason: CreateContainerConfigError): secret"
                                    + " \"dvc-remote\" not found (again) (still after 1m of the kubelet's retries)");
                });
        assertGone("p9");
    }

    /**
     * Issue 14 review 1: an init container crash-looping under {@code restartPolicy: OnFailure}, with the statuses
     * the kubelet writes at v1.35.4 (as in {@code crash-loop.yaml}): CrashLoopBackOff, then the restarted container
     * running, terminated (Error), and CrashLoopBackOff again, the back-off doubling from 10 s. The states in between
     * do not restart the allowance: the loop fails at the first back-off read after 8m40s (the clock moves only while
     * the container runs or has just failed, so every back-off is read at the time it is set).
     */
    @Test
    void anInitContainerCrashLoopFailsAcrossTheRestartsBetweenItsBackOffs() throws Exception {
        Pod pod = new PodBuilder(pod("p20"))
                .editSpec()
                .withRestartPolicy("OnFailure")
                .addNewInitContainer()
                .withName("fetch")
                .withImage("registry.example/fetch:v1")
                .endInitContainer()
                .endSpec()
                .build();
        CompletableFuture<CommandResult> run = start(pod, null);
        String backingOff = "pod p20 is Pending: Init:CrashLoopBackOff (init container fetch)";
        String initRunning = "pod p20 is Pending: PodInitializing";
        setStatus("p20", initFetch(1, ContainerStatuses.crashLoop("fetch", "10s")));
        listener.awaitProgress(backingOff, 1);
        long delay = 10;
        for (int restarts = 2; restarts <= 7; restarts++) {
            setStatus("p20", initFetch(restarts, ContainerStatuses.running(null)));
            listener.awaitProgress(initRunning, restarts - 1);
            clock.advance(Duration.ofSeconds(delay + 1));
            setStatus("p20", initFetch(restarts, ContainerStatuses.exited(1, null, null)));
            clock.advance(Duration.ofSeconds(1));
            delay = Math.min(delay * 2, 300);
            assertThat(run).isNotDone();
            setStatus(
                    "p20",
                    initFetch(
                            restarts,
                            ContainerStatuses.crashLoop(
                                    "fetch", (delay >= 60 ? delay / 60 + "m" : "") + delay % 60 + "s")));
            listener.awaitProgress(backingOff, restarts);
        }

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(PodFailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.CRASH_LOOP);
                    assertThat(e)
                            .hasMessage("Init container fetch keeps failing (Reason: CrashLoopBackOff): back-off 5m0s"
                                    + " restarting failed container=fetch pod=p20_test(6f1d2c9e); its last run:"
                                    + " (Exit Code: 1, Reason: Error) (still after 8m40s of the kubelet's retries)");
                });
        assertThat(clock.instant()).isAfter(Instant.parse("2026-11-27T00:08:40Z"));
        assertGone("p20");
    }

    /**
     * A training container that exits 0 at once (a pod YAML that replaced the keepalive command): with
     * {@code restartPolicy: Never} and every container exited 0 the kubelet's getPhase
     * ({@code pkg/kubelet/kubelet_pods.go}, Kubernetes v1.35.4) writes {@code Succeeded} without the pod ever being
     * seen Running; the run fails naming the exit instead of waiting for ever.
     */
    @Test
    void aPodThatSucceedsBeforeItRunsFailsNamingTheExit() throws Exception {
        CompletableFuture<CommandResult> run = start(pod("s1"), null);

        setStatus("s1", dvcTerminated("Succeeded", 0, "Completed"));

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(PodFailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.FAILED);
                    assertThat(e)
                            .hasMessage("Container dvc exited (Exit Code: 0, Reason: Completed) before the command"
                                    + " could run in it (pod phase Succeeded); it must keep running: does the pod"
                                    + " YAML replace its command or args?");
                });
        assertThat(listener.progress).noneMatch(line -> line.startsWith("running in pod"));
        assertGone("s1");
    }

    /** Container dvc exited while a sidecar keeps the pod Running: nothing can be run in it either. */
    @Test
    void aTrainingContainerThatExitedWhileASidecarRunsFailsNamingTheExit() throws Exception {
        CompletableFuture<CommandResult> run = start(pod("s2"), null);
        io.fabric8.kubernetes.api.model.PodStatus status = dvcTerminated("Running", 2, "Error");
        status.getContainerStatuses()
                .add(new ContainerStatusBuilder()
                        .withName("sidecar")
                        .withNewState()
                        .withNewRunning()
                        .endRunning()
                        .endState()
                        .build());

        setStatus("s2", status);

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(PodFailureException.class)
                .hasMessageStartingWith("Container dvc exited (Exit Code: 2, Reason: Error) before the command could"
                        + " run in it (pod phase Running)");
        assertGone("s2");
    }

    /**
     * A pending pod that a controller disrupts and deletes before the runner reads it again (the taint-eviction
     * controller deletes a pod bound to a tainted node a moment after writing its condition; in the clean-clone CI of
     * cc79904 a retry pod went that way when the taint was removed): named by the state its watch delivered, a
     * disruption, not "deleted before it ran".
     */
    @Test
    void aPendingPodFoundGoneIsNamedByTheDisruptionItsWatchDelivered() throws Exception {
        CompletableFuture<CommandResult> run = start(pod("g1"), null);
        listener.awaitProgress("pod g1 is Pending");
        Pod seen = client.pods().inNamespace(NAMESPACE).withName("g1").get();
        goneForReads("g1");

        seen.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                .withPhase("Pending")
                .withConditions(Disruptions.byTaintManager())
                .build());
        client.pods().inNamespace(NAMESPACE).resource(seen).updateStatus();
        client.pods().inNamespace(NAMESPACE).resource(seen).delete();

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(PodFailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.DISRUPTED);
                    assertThat(e)
                            .hasMessage("The pod is being stopped (DisruptionTarget: DeletionByTaintManager): Taint"
                                    + " manager: deleting due to NoExecute taint");
                });
    }

    /**
     * A pending pod gone with no state that names a controller (a pod not yet scheduled is removed at once, e.g.
     * {@code kubectl delete pod}): deleted by someone else, not retried, with its newest event.
     */
    @Test
    void aPendingPodFoundGoneWithNoReasonNamesItsLastEvent() throws Exception {
        CompletableFuture<CommandResult> run = start(pod("g2"), null);
        listener.awaitProgress("pod g2 is Pending");
        events("g2", event("g2", "Killing", "kubelet", "Stopping container dvc", "2026-11-27T00:00:01Z"));
        goneForReads("g2");

        client.pods().inNamespace(NAMESPACE).withName("g2").delete();

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(PodFailureException.class, e -> {
                    assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.DELETED);
                    assertThat(e)
                            .hasMessage("The pod was deleted by someone other than gpu-train (before it ran: pod g2"
                                    + " was gone, with no DisruptionTarget condition naming a controller); the pod's"
                                    + " last event: Killing (by kubelet, 3 times): Stopping container dvc");
                });
    }

    /** From now on every read of pod {@code name} answers 404, as once a controller has deleted it. */
    private void goneForReads(String name) {
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + name)
                .andReturn(
                        404,
                        new io.fabric8.kubernetes.api.model.StatusBuilder()
                                .withCode(404)
                                .withReason("NotFound")
                                .build())
                .always();
    }

    @Test
    void interruptWhileWaitingDeletesThePod() throws Exception {
        Thread runner = startInThread(pod("p4"));
        listener.awaitProgress("pod p4 is Pending");

        runner.interrupt();
        runner.join(20_000);

        assertThat(listener.progress).contains("deleted pod p4", "interrupted");
        assertGone("p4");
    }

    @Test
    void interruptWhileTheCommandRunsDeletesThePod() throws Exception {
        execGate = new CountDownLatch(1);
        Thread runner = startInThread(pod("p8"));
        setStatus("p8", running());
        listener.awaitProgress("running in pod p8");

        runner.interrupt();
        runner.join(20_000);

        assertThat(listener.progress).endsWith("deleted pod p8", "interrupted");
        assertGone("p8");
    }

    /**
     * Issue 14 review (14a) 1: an interrupt while Pending lands in the wait for the watch's events, which clears the
     * thread's flag; the deletion is still the stopping one: requests bounded to {@link
     * ResourceDeletion#INTERRUPTED_REQUEST_TIMEOUT}, not the client's own request timeout (here 2 min), so that a
     * DELETE that gets no answer ends in the {@code kubectl} line within the CLI's 30 s.
     */
    @Test
    void interruptWhilePendingDeletesAsAStoppingRunWhenTheDeleteGetsNoAnswer() throws Exception {
        interruptedWithAnUnansweredDelete("p9", name -> {});
    }

    /** As {@link #interruptWhilePendingDeletesAsAStoppingRunWhenTheDeleteGetsNoAnswer}, the interrupt in the command. */
    @Test
    void interruptWhileTheCommandRunsDeletesAsAStoppingRunWhenTheDeleteGetsNoAnswer() throws Exception {
        execGate = new CountDownLatch(1);
        interruptedWithAnUnansweredDelete("p10", name -> {
            setStatus(name, running());
            listener.awaitProgress("running in pod " + name);
        });
    }

    /**
     * Waits until the runner waits for the watch's events or for the command, where the interrupt clears the thread's
     * flag (an interrupt in an API call sets it again: fabric8's {@code OperationSupport.waitForResult}).
     */
    private static void awaitWaitingOutsideTheClient(Thread runner) {
        while (Arrays.stream(runner.getStackTrace())
                .noneMatch(frame -> frame.getClassName().equals(LinkedBlockingQueue.class.getName())
                                && frame.getMethodName().equals("poll")
                        || frame.getClassName().equals(CountDownLatch.class.getName())
                                && frame.getMethodName().equals("await"))) {
            Thread.onSpinWait();
        }
    }

    /** What a stage of the run does before the test interrupts it. */
    @FunctionalInterface
    private interface Stage {
        void reach(String name) throws InterruptedException;
    }

    private void interruptedWithAnUnansweredDelete(String name, Stage stage) throws Exception {
        server.expect()
                .delete()
                .delay(3, TimeUnit.MINUTES)
                .withPath("/api/v1/namespaces/test/pods/" + name)
                .andReturn(200, pod(name))
                .always();
        KubernetesClient patient = MockClients.withoutRetries(client, Duration.ofMinutes(2));
        try (patient) {
            Thread runner = startInThread(pod(name), new PodRunner(patient, clock, null, listener));
            listener.awaitProgress("pod " + name + " is Pending");
            stage.reach(name);
            awaitWaitingOutsideTheClient(runner);

            runner.interrupt();
            listener.awaitProgress("deleting pod " + name + ": the Kubernetes API did not answer");
            runner.interrupt();
            runner.join(20_000);
        }
        assertThat(listener.progress)
                .endsWith(
                        "could not delete pod " + name + " (interrupted while the Kubernetes API did not answer);"
                                + " delete it with: kubectl delete pod " + name + " -n test",
                        "interrupted");
    }

    @Test
    void createRefusedWithServerErrorsIsRetriedByTheClient() throws Exception {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/test/pods")
                .andReturn(500, "overloaded")
                .times(2);
        CompletableFuture<CommandResult> run = start(pod("p5"), null);

        setStatus("p5", running());

        assertThat(run.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(listener.progress).contains("created pod test/p5", "deleted pod p5");
        assertGone("p5");
    }

    /**
     * The quota admission plugin ({@code plugin/pkg/admission/resourcequota}) refuses with 403 {@code exceeded quota}
     * while other pods hold it, with 403 {@code status unknown for quota} before the quota controller has computed a
     * new quota's usage ({@code resourcequota/controller.go}), and with 409 when its update of the quota object
     * conflicts: all are retried.
     */
    @Test
    void createRefusedByAQuotaIsRetriedWithBackoff() throws Exception {
        refuseCreate(
                        403,
                        "Forbidden",
                        "pods \"q1\" is forbidden: exceeded quota: gpu, requested:"
                                + " requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=4, limited: requests.nvidia.com/gpu=4")
                .times(2);
        refuseCreate(
                        403,
                        "Forbidden",
                        "pods \"q1\" is forbidden: status unknown for quota: gpu, resources: requests.nvidia.com/gpu")
                .once();
        refuseCreate(
                        409,
                        "Conflict",
                        "Operation cannot be fulfilled on resourcequotas \"gpu\": the object has been modified")
                .once();
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        CompletableFuture<CommandResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new PodRunner(client, clock, sleeps::add, null, listener).run(pod("q1"), tail, this::work);
            } catch (PodFailureException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        client.pods().inNamespace(NAMESPACE).withName("q1").waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
        setStatus("q1", running());

        assertThat(run.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(sleeps)
                .containsExactly(
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));
        assertThat(listener.progress.get(0)).startsWith("creating pod q1 was refused for now (Failure executing: POST");
        assertGone("q1");
    }

    /**
     * Issue 14 review (14c) 3: the quota retries come out of the pending timeout: with 1m, the pauses are 5 s, 10 s,
     * 20 s and the 25 s left, and a quota that still refuses then fails the run with its own refusal, naming the
     * quota and the timeout, instead of 155 s of retries and a "still Pending" at the first read.
     */
    @Test
    void quotaRetriesStopAtThePendingTimeout() {
        refuseCreate(
                        403,
                        "Forbidden",
                        "pods \"q4\" is forbidden: exceeded quota: gpu, requested: requests.nvidia.com/gpu=1, used:"
                                + " requests.nvidia.com/gpu=4, limited: requests.nvidia.com/gpu=4")
                .always();
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        Sleeper sleeper = duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };

        assertThatThrownBy(() -> new PodRunner(client, clock, sleeper, Duration.ofMinutes(1), listener)
                        .run(pod("q4"), this::work))
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.UNSCHEDULABLE))
                .hasMessage("pod q4 was still refused at the end of the pending timeout of 1m: pods \"q4\" is"
                        + " forbidden: exceeded quota: gpu, requested: requests.nvidia.com/gpu=1, used:"
                        + " requests.nvidia.com/gpu=4, limited: requests.nvidia.com/gpu=4");
        assertThat(sleeps)
                .containsExactly(
                        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(25));
    }

    /**
     * Issue 14 review: after a skipped dry run the real create is the API server's first verdict, so its 422 is the
     * same short {@code field: message} line as the dry run's, nothing created.
     */
    @Test
    void createRefusedForInvalidFieldsIsTheApiServersFieldAndMessage() {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/test/pods")
                .andReturn(
                        422,
                        InvalidPodStatus.of(
                                "q3",
                                "spec.containers[0].resources.limits[example.com/fpga]",
                                "Invalid value: \"1\": must be greater than or equal to\nrequest",
                                "spec.restartPolicy",
                                "Unsupported value: \"Sometimes\""))
                .once();

        assertThatThrownBy(
                        () -> new PodRunner(client, clock, duration -> {}, null, listener).run(pod("q3"), this::work))
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.REFUSED))
                .hasMessage("the Kubernetes API server refused pod q3 (the create; nothing was created):"
                        + " spec.containers[0].resources.limits[example.com/fpga]: Invalid value: \"1\": must be"
                        + " greater than or equal to request (and 1 more: spec.restartPolicy)");
        assertThat(listener.progress).noneMatch(line -> line.startsWith("created pod"));
    }

    /**
     * A resend of a create whose answer was lost can meet a quota that the first attempt's own pod now fills (the
     * quota admission runs before the name is checked): that pod, with this create's id, is the run's.
     */
    @Test
    void aQuotaRefusalCausedByThePodALostAttemptStoredUsesIt() throws Exception {
        storedBy("c3", CREATE_ID);
        refuseCreate(
                        403,
                        "Forbidden",
                        "pods \"c3\" is forbidden: exceeded quota: gpu, requested:"
                                + " requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=1, limited: requests.nvidia.com/gpu=1")
                .once();
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        CompletableFuture<CommandResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new PodRunner(client, clock, sleeps::add, null, listener)
                        .withCreateIds(() -> CREATE_ID)
                        .run(pod("c3"), this::work);
            } catch (PodFailureException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });

        setStatus("c3", running());

        assertThat(run.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(sleeps).isEmpty();
        assertThat(listener.progress)
                .containsOnlyOnce(
                        "pod c3 exists with this create's id: an earlier attempt of the create stored it, its answer"
                                + " lost; using it");
        assertGone("c3");
    }

    /** A pod of another run under the same name is refused and left alone. */
    @Test
    void createOfANameThatExistsIsNotRetried() {
        client.pods()
                .inNamespace(NAMESPACE)
                .resource(new PodBuilder(pod("q2"))
                        .editMetadata()
                        .addToLabels(io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory.RUN_ID_LABEL, "other-run")
                        .endMetadata()
                        .build())
                .create();
        refuseCreate(409, "AlreadyExists", "pods \"q2\" already exists").once();
        List<Duration> sleeps = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> new PodRunner(client, clock, sleeps::add, null, listener).run(pod("q2"), this::work))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(409));
        assertThat(sleeps).isEmpty();
        assertThat(client.pods().inNamespace(NAMESPACE).withName("q2").get())
                .as("the other run's pod")
                .isNotNull();
        assertThat(listener.progress).noneMatch(line -> line.startsWith("deleted pod"));
    }

    /**
     * A create sent again after its answer was lost (fabric8 repeats a POST after an I/O error or HTTP 5xx) meets the
     * pod its first attempt stored, with this create's id: that pod is the run's, used and deleted.
     */
    @Test
    void aCreateThatMeetsThePodItsLostAttemptStoredUsesIt() throws Exception {
        storedBy("c1", CREATE_ID);
        refuseCreate(409, "AlreadyExists", "pods \"c1\" already exists").once();
        CompletableFuture<CommandResult> run = start(pod("c1"), null);

        setStatus("c1", running());

        assertThat(run.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(listener.progress)
                .containsSubsequence(
                        "pod c1 exists with this create's id: an earlier attempt of the create stored it, its"
                                + " answer lost; using it",
                        "created pod test/c1",
                        "deleted pod c1")
                .containsOnlyOnce("pod c1 exists with this create's id: an earlier attempt of the create stored it, its"
                        + " answer lost; using it");
        assertGone("c1");
    }

    /**
     * Issue 14 review (14a) 2: a create sent again that meets {@code 409 AlreadyExists} while the pod cannot be read
     * (the API server answers an error) may have met the pod its own lost attempt stored: it is not deleted (it may be
     * another run's), but named with the command that deletes it if it carries this create's id.
     */
    @Test
    void aCreateThatMeetsAPodItCannotReadNamesTheCommandToDeleteIt() {
        storedBy("c5", CREATE_ID);
        refuseCreate(409, "AlreadyExists", "pods \"c5\" already exists").once();
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/test/pods/c5")
                .andReturn(500, status(500, "InternalError", "etcdserver: request timed out"))
                .always();
        KubernetesClient noRetries = MockClients.withoutRetries(client);

        try (noRetries) {
            assertThatThrownBy(() -> new PodRunner(noRetries, clock, duration -> {}, null, listener)
                            .withCreateIds(() -> CREATE_ID)
                            .run(pod("c5"), this::work))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                            .isEqualTo(409));
        }
        assertThat(listener.progress)
                .singleElement()
                .asString()
                .startsWith("pod c5 already exists and could not be read (")
                .endsWith("): an earlier attempt of this create, its answer lost, may have stored it; if it is this"
                        + " create's, delete it with: kubectl delete pod -n test -l"
                        + " gpu-train.jenkins.io/create-id=create-1 --field-selector metadata.name=c5");
    }

    /**
     * Issue 14 review (14a) 2: after {@code 409 AlreadyExists}, a read of the pod that gets no answer (here: later than
     * the client's 500 ms request timeout) is tried again, and the pod its lost attempt stored is then used.
     */
    @Test
    void aCreateThatMeetsAPodItCannotReadForNowReadsItAgainAndUsesIt() throws Exception {
        Pod stored = storedBy("c7", CREATE_ID);
        refuseCreate(409, "AlreadyExists", "pods \"c7\" already exists").once();
        server.expect()
                .get()
                .delay(5, TimeUnit.SECONDS)
                .withPath("/api/v1/namespaces/test/pods/c7")
                .andReturn(200, stored)
                .once();
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        KubernetesClient impatient = MockClients.withoutRetries(client, Duration.ofMillis(500));

        try (impatient) {
            CompletableFuture<CommandResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return new PodRunner(impatient, clock, sleeps::add, null, listener)
                            .withCreateIds(() -> CREATE_ID)
                            .run(pod("c7"), this::work);
                } catch (PodFailureException | InterruptedException e) {
                    throw new CompletionException(e);
                }
            });
            listener.awaitProgress("pod c7 exists with this create's id");
            setStatus("c7", running());

            assertThat(run.get(20, TimeUnit.SECONDS).succeeded()).isTrue();
        }
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(listener.progress)
                .containsSubsequence(
                        "the Kubernetes API answers again (reading pod c7, which the create found existing)",
                        "pod c7 exists with this create's id: an earlier attempt of the create stored it, its answer"
                                + " lost; using it",
                        "deleted pod c7")
                .anyMatch(line -> line.startsWith(
                        "the Kubernetes API did not answer while reading pod c7, which the create found existing"));
        assertGone("c7");
    }

    /**
     * Issue 14 review (14a) 6: after {@code 409 AlreadyExists}, the reads of a pod that get no answer pause 1 s, 2 s,
     * … but the last pause ends at {@link ApiOutage#LIMIT}, not after it; then the pod is named with its command.
     */
    @Test
    void theReadsOfAPodTheCreateFoundExistingEndAtTheOutageLimit() throws Exception {
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        Throwable thrown = createMeetingAnUnreadablePod("c8", pause -> {
            sleeps.add(pause);
            clock.advance(pause);
        });

        assertThat(thrown).isInstanceOf(KubernetesClientException.class);
        assertThat(sleeps)
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(32),
                        Duration.ofSeconds(57));
        assertThat(listener.progress)
                .last()
                .asString()
                .endsWith("kubectl delete pod -n test -l"
                        + " gpu-train.jenkins.io/create-id=create-1 --field-selector metadata.name=c8");
    }

    /**
     * Issue 14 review (14a) 8: an interrupt while pausing between those reads does not delete the pod by its name
     * alone (it may be another run's): it is named with the command that deletes it if it is this create's.
     */
    @Test
    void anInterruptWhileReadingAPodTheCreateFoundExistingLeavesItNamed() throws Exception {
        Throwable thrown = createMeetingAnUnreadablePod("c9", pause -> {
            throw new InterruptedException("stopped");
        });

        assertThat(thrown).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted())
                .as("the interrupt is kept for the clean-up after the run")
                .isTrue();
        assertThat(listener.progress)
                .as("every deletion tells a line; none was sent")
                .noneMatch(line -> line.matches("(deleted|found no|could not delete) pod .*"))
                .last()
                .isEqualTo("pod c9 already exists and could not be read (interrupted while reading it): an earlier"
                        + " attempt of this create, its answer lost, may have stored it; if it is this create's,"
                        + " delete it with: kubectl delete pod -n test -l gpu-train.jenkins.io/create-id=create-1"
                        + " --field-selector metadata.name=c9");
    }

    /** A create meeting {@code 409} for a pod whose reads time out (500 ms); returns what the run threw. */
    private Throwable createMeetingAnUnreadablePod(String name, Sleeper sleeper) throws Exception {
        storedBy(name, CREATE_ID);
        refuseCreate(409, "AlreadyExists", "pods \"" + name + "\" already exists")
                .once();
        server.expect()
                .get()
                .delay(5, TimeUnit.SECONDS)
                .withPath("/api/v1/namespaces/test/pods/" + name)
                .andReturn(200, pod(name))
                .always();
        KubernetesClient impatient = MockClients.withoutRetries(client, Duration.ofMillis(500));
        try (impatient) {
            new PodRunner(impatient, clock, sleeper, null, listener)
                    .withCreateIds(() -> CREATE_ID)
                    .run(pod(name), this::work);
            return null;
        } catch (KubernetesClientException | InterruptedException | PodFailureException e) {
            return e;
        }
    }

    /**
     * Issue 14 review (14a) 2: a create without an answer that stored nothing leaves nothing to delete: the line says
     * so, not "deleted pod".
     */
    @Test
    void aCreateWithoutAnAnswerThatStoredNothingSaysThereWasNothingToDelete() {
        refuseCreate(504, "Timeout", "the server was unable to return a response in the time allotted")
                .always();
        KubernetesClient noRetries = MockClients.withoutRetries(client);

        try (noRetries) {
            assertThatThrownBy(() -> new PodRunner(noRetries, clock, null, listener)
                            .withCreateIds(() -> CREATE_ID)
                            .run(pod("c6"), this::work))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                            .isEqualTo(504));
        }
        assertThat(listener.progress)
                .containsExactly("found no pod c6 to delete (none under that name carries this create's id: nothing"
                        + " was stored, it is gone already, or it is another's)");
    }

    /** A create that got no answer may have stored the pod all the same (a 504 while the write goes on): deleted. */
    @Test
    void aCreateWithoutAnAnswerDeletesThePodItMayHaveStored() {
        storedBy("c2", CREATE_ID);
        refuseCreate(504, "Timeout", "the server was unable to return a response in the time allotted")
                .always();
        KubernetesClient noRetries = MockClients.withoutRetries(client);

        try (noRetries) {
            assertThatThrownBy(() -> new PodRunner(noRetries, clock, null, listener)
                            .withCreateIds(() -> CREATE_ID)
                            .run(pod("c2"), this::work))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                            .isEqualTo(504));
        }
        assertThat(listener.progress).containsExactly("deleted pod c2");
        assertGone("c2");
    }

    /**
     * Issue 14 review (14a) 7: the run id is cut at 63 characters and parallel steps of one build share it; a create
     * that meets a sibling's pod under the name (the same run id, another create id) neither uses nor deletes it.
     */
    @Test
    void aSiblingsPodWithTheSameRunIdIsNeitherUsedNorDeleted() {
        storedBy("s1", "sibling");
        refuseCreate(409, "AlreadyExists", "pods \"s1\" already exists").once();

        assertThatThrownBy(() -> newRunner(null).run(pod("s1"), this::work))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(409));
        assertThat(client.pods().inNamespace(NAMESPACE).withName("s1").get())
                .as("the sibling's pod")
                .isNotNull();
        assertThat(listener.progress).isEmpty();
    }

    /** Issue 14 review (14a) 7: a create without an answer never deletes another's pod under the name. */
    @Test
    void aCreateWithoutAnAnswerLeavesAnothersPodUnderTheName() {
        storedBy("s2", "sibling");
        refuseCreate(504, "Timeout", "the server was unable to return a response in the time allotted")
                .always();

        try (KubernetesClient noRetries = MockClients.withoutRetries(client)) {
            assertThatThrownBy(() -> new PodRunner(noRetries, clock, null, listener)
                            .withCreateIds(() -> CREATE_ID)
                            .run(pod("s2"), this::work))
                    .isInstanceOf(KubernetesClientException.class);
        }
        assertThat(client.pods().inNamespace(NAMESPACE).withName("s2").get())
                .as("the sibling's pod")
                .isNotNull();
        assertThat(listener.progress).singleElement().asString().startsWith("found no pod s2 to delete (none");
    }

    /**
     * Issue 14 review (14a) 5: a resend refused by a quota that its first attempt's pod fills, whose pod cannot be
     * read to tell, may leave that pod: when the quota retries end, it is deleted, as it carries this create's id, at
     * the resource version read (a precondition the API server checks).
     */
    @Test
    void aQuotaRefusalWhosePodCannotBeReadDeletesThePodOfThisCreateWhenTheRetriesEnd() throws Exception {
        storedBy("q5", CREATE_ID);
        refuseCreate(
                        403,
                        "Forbidden",
                        "pods \"q5\" is forbidden: exceeded quota: gpu, requested: requests.nvidia.com/gpu=1, used:"
                                + " requests.nvidia.com/gpu=1, limited: requests.nvidia.com/gpu=1")
                .always();
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/test/pods/q5")
                .andReturn(500, status(500, "InternalError", "etcdserver: request timed out"))
                .times(2);

        try (KubernetesClient noRetries = MockClients.withoutRetries(client)) {
            assertThatThrownBy(() -> new PodRunner(noRetries, clock, clock::advance, Duration.ofSeconds(5), listener)
                            .withCreateIds(() -> CREATE_ID)
                            .run(pod("q5"), this::work))
                    .isInstanceOfSatisfying(
                            PodFailureException.class,
                            e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.UNSCHEDULABLE));
        }
        assertGone("q5");
        assertThat(listener.progress).last().isEqualTo("deleted pod q5");
        List<String> deletions = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            var request = server.takeRequest(1, TimeUnit.SECONDS);
            if (request != null && "DELETE".equals(request.getMethod())) {
                deletions.add(request.getBody().readUtf8());
            }
        }
        assertThat(deletions).singleElement().asString().contains("\"preconditions\":{\"resourceVersion\":");
    }

    /** Deletion keeps the pod's terminationGracePeriodSeconds: no {@code gracePeriodSeconds: 0} in the request. */
    @Test
    void thePodIsDeletedGracefully() throws Exception {
        CompletableFuture<CommandResult> run = start(pod("g1"), null);
        setStatus("g1", running());
        assertThat(run.get(20, TimeUnit.SECONDS).succeeded()).isTrue();

        List<String> deletions = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            var request = server.takeRequest(1, TimeUnit.SECONDS);
            if (request != null && "DELETE".equals(request.getMethod())) {
                deletions.add(request.getPath() + " " + request.getBody().readUtf8());
            }
        }
        assertThat(deletions)
                .singleElement()
                .asString()
                .startsWith("/api/v1/namespaces/test/pods/g1 ")
                .doesNotContain("gracePeriodSeconds");
    }

    /** The mock API server refuses creating a pod with this status (as many times as the caller says). */
    private io.fabric8.mockwebserver.dsl.TimesOrOnceable<Void> refuseCreate(int code, String reason, String message) {
        return server.expect()
                .post()
                .withPath("/api/v1/namespaces/test/pods")
                .andReturn(code, status(code, reason, message));
    }

    private static io.fabric8.kubernetes.api.model.Status status(int code, String reason, String message) {
        return new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(code)
                .withReason(reason)
                .withMessage(message)
                .withStatus("Failure")
                .build();
    }

    @Test
    void createForbiddenIsNotRetriedAndLeavesNothing() {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/test/pods")
                .andReturn(403, "forbidden")
                .always();

        assertThatThrownBy(() -> newRunner(null).run(pod("p6"), this::work))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode())
                        .isEqualTo(403));
        assertThat(listener.progress).isEmpty();
    }

    /** The container log would be {@code sleep}'s: the tail printed is the command's own output. */
    @Test
    void oomKillSeenAfterTheCommandFailsTheRunAndPrintsTheCommandsLastOutput() throws Exception {
        exitCode = 137;
        commandOutput = List.of("epoch 41", "Killed");
        execGate = new CountDownLatch(1);
        CompletableFuture<CommandResult> run = start(pod("p7"), null);
        setStatus("p7", running());
        listener.awaitProgress("running in pod p7: sh -c echo hi");
        setStatus("p7", oomKilled());
        execGate.countDown();

        assertThatThrownBy(() -> run.get(20, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(
                        PodFailureException.class,
                        e -> assertThat(e.failure().kind()).isEqualTo(PodFailure.Kind.OOM_KILLED));
        assertThat(listener.progress).contains("last 2 lines of the command's output in pod p7:");
        assertThat(listener.output).endsWith("epoch 41", "Killed", "stderr: epoch 41", "stderr: Killed");
        assertGone("p7");
    }

    /** Evicted after the command finished with 0 and the work (the results download) returned: the run succeeded. */
    @Test
    void aPodStoppedAfterASuccessfulCommandIsLoggedNotFailed() throws Exception {
        exitCode = 0;
        execGate = new CountDownLatch(1);
        CompletableFuture<CommandResult> run = start(pod("p8"), null);
        setStatus("p8", running());
        listener.awaitProgress("running in pod p8: sh -c echo hi");
        io.fabric8.kubernetes.api.model.PodStatus evicted = running();
        evicted.getConditions()
                .add(new io.fabric8.kubernetes.api.model.PodConditionBuilder()
                        .withType("DisruptionTarget")
                        .withStatus("True")
                        .withReason("EvictionByEvictionAPI")
                        .withMessage("Eviction API: evicting")
                        .build());
        setStatus("p8", evicted);
        execGate.countDown();

        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(new CommandResult(0, false));
        assertThat(listener.progress)
                .contains("the command finished (exit code 0) and its results are back; the pod was then stopped: The"
                        + " pod is being stopped (DisruptionTarget: EvictionByEvictionAPI): Eviction API: evicting");
        assertGone("p8");
    }

    /** The API server refusing the read after a successful command (results back) is logged, not a failure. */
    @Test
    void aPodUnreadableAfterASuccessfulCommandIsLoggedNotFailed() throws Exception {
        exitCode = 0;
        execGate = new CountDownLatch(1);
        CompletableFuture<CommandResult> run = start(pod("p9"), null);
        setStatus("p9", running());
        listener.awaitProgress("running in pod p9: sh -c echo hi");
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/p9")
                .andReturn(
                        403,
                        new io.fabric8.kubernetes.api.model.StatusBuilder()
                                .withCode(403)
                                .withReason("Forbidden")
                                .withMessage("pods \"p9\" is forbidden: the token expired")
                                .build())
                .always();
        execGate.countDown();

        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(new CommandResult(0, false));
        assertThat(listener.progress)
                .anyMatch(line -> line.startsWith("the command finished (exit code 0) and its results are back; pod"
                                + " p9 could not be read afterwards: ")
                        && line.contains("the token expired"));
        assertThat(listener.progress).contains("deleted pod p9");
    }

    @Test
    void fiftyConcurrentRunsDeleteEveryPodTheyCreate() throws Exception {
        int runs = 50;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<CompletableFuture<CommandResult>> started = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Pod pod = pod("c" + i);
                started.add(CompletableFuture.supplyAsync(() -> runUnchecked(pod, null), pool));
            }
            for (int i = 0; i < runs; i++) {
                client.pods()
                        .inNamespace(NAMESPACE)
                        .withName("c" + i)
                        .waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
                setStatus("c" + i, running());
            }
            for (CompletableFuture<CommandResult> run : started) {
                assertThat(run.get(60, TimeUnit.SECONDS).succeeded()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(listener.progress.stream().filter(l -> l.startsWith("created pod ")))
                .hasSize(runs);
        assertThat(listener.progress.stream().filter(l -> l.startsWith("deleted pod ")))
                .hasSize(runs);
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    private CommandResult runUnchecked(Pod pod, Duration pendingTimeout) {
        try {
            return newRunner(pendingTimeout).run(pod, tail, this::work);
        } catch (PodFailureException | InterruptedException e) {
            throw new CompletionException(e);
        }
    }

    private CompletableFuture<CommandResult> start(Pod pod, Duration pendingTimeout) throws InterruptedException {
        CompletableFuture<CommandResult> run = CompletableFuture.supplyAsync(() -> runUnchecked(pod, pendingTimeout));
        client.pods()
                .inNamespace(NAMESPACE)
                .withName(pod.getMetadata().getName())
                .waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
        return run;
    }

    /** Runs in a thread of its own, to be interrupted; records "interrupted" or the failure as progress. */
    private Thread startInThread(Pod pod) throws InterruptedException {
        return startInThread(pod, newRunner(null));
    }

    private Thread startInThread(Pod pod, PodRunner podRunner) throws InterruptedException {
        Thread runner = new Thread(() -> {
            try {
                podRunner.run(pod, tail, this::work);
            } catch (InterruptedException e) {
                listener.progress("interrupted");
            } catch (PodFailureException | RuntimeException e) {
                listener.progress("failed: " + e);
            }
        });
        runner.start();
        client.pods()
                .inNamespace(NAMESPACE)
                .withName(pod.getMetadata().getName())
                .waitUntilCondition(Objects::nonNull, 20, TimeUnit.SECONDS);
        return runner;
    }

    private PodRunner newRunner(Duration pendingTimeout) {
        return new PodRunner(client, clock, pendingTimeout, listener).withCreateIds(() -> CREATE_ID);
    }

    /** Stands for copying and running: reports, says "hi", waits for the test's gate, returns the exit code. */
    private CommandResult work(io.fabric8.kubernetes.client.dsl.PodResource pod) throws InterruptedException {
        listener.progress("running in pod " + pod.get().getMetadata().getName() + ": " + String.join(" ", COMMAND));
        commandOutput.forEach(tail::output);
        execGate.await();
        return new CommandResult(exitCode, false);
    }

    private void setStatus(String name, io.fabric8.kubernetes.api.model.PodStatus status) {
        Pod current = client.pods().inNamespace(NAMESPACE).withName(name).get();
        current.setStatus(status);
        client.pods().inNamespace(NAMESPACE).resource(current).updateStatus();
    }

    /**
     * Waits (up to 20 s per request) until the runner reads pod {@code name} after the test's status update, which
     * follows the {@code requestsBefore} requests: a read begun before the update may still be in flight, and judged
     * after the clock moves on it would fail the pod with the status before the update (CI's machine, busy, did).
     */
    private void awaitReadAfterStatusUpdate(String name, int requestsBefore) throws InterruptedException {
        for (int i = 0; i < requestsBefore; i++) {
            server.takeRequest(20, TimeUnit.SECONDS);
        }
        String path = "/api/v1/namespaces/" + NAMESPACE + "/pods/" + name;
        boolean updated = false;
        while (true) {
            io.fabric8.mockwebserver.http.RecordedRequest request = server.takeRequest(20, TimeUnit.SECONDS);
            assertThat(request)
                    .as("a read of pod " + name + " after its status update")
                    .isNotNull();
            if (updated && "GET".equals(request.getMethod()) && path.equals(request.getPath())) {
                return;
            }
            updated |= "PUT".equals(request.getMethod()) && (path + "/status").equals(request.getPath());
        }
    }

    /** The pod as a create with that id stored it, e.g. an earlier attempt of the run's create whose answer was lost. */
    private Pod storedBy(String name, String createId) {
        return client.pods()
                .inNamespace(NAMESPACE)
                .resource(new PodBuilder(pod(name))
                        .editMetadata()
                        .addToLabels(UncertainCreation.CREATE_ID_LABEL, createId)
                        .endMetadata()
                        .build())
                .create();
    }

    private void assertGone(String name) {
        assertThat(client.pods().inNamespace(NAMESPACE).withName(name).get()).isNull();
    }

    private static Pod pod(String name) {
        Pod pod = new TrainingPodFactory()
                .create(TrainingPodSpec.builder(name)
                        .podName(name)
                        .namespace(NAMESPACE)
                        .machine(MachineSize.parse("1-2000"))
                        .build());
        return new PodBuilder(pod).build();
    }

    private static io.fabric8.kubernetes.api.model.PodStatus running() {
        return new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                .withPhase("Running")
                .build();
    }

    private static io.fabric8.kubernetes.api.model.PodStatus unschedulable() {
        return new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                .withPhase("Pending")
                .withConditions(new PodConditionBuilder()
                        .withType("PodScheduled")
                        .withStatus("False")
                        .withReason("Unschedulable")
                        .withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")
                        .build())
                .build();
    }

    private static io.fabric8.kubernetes.api.model.PodStatus waiting(String reason, String message) {
        return new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                .withPhase("Pending")
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName("dvc")
                        .withNewState()
                        .withNewWaiting()
                        .withReason(reason)
                        .withMessage(message)
                        .endWaiting()
                        .endState()
                        .build())
                .build();
    }

    /** Init container fetch after its run {@code restarts}, its last run failed (exit code 1), as the kubelet writes it. */
    private static io.fabric8.kubernetes.api.model.PodStatus initFetch(int restarts, ContainerState state) {
        return initStatus(ContainerStatuses.status("fetch", restarts, state, ContainerStatuses.exited(1, null, null)));
    }

    private static io.fabric8.kubernetes.api.model.PodStatus initStatus(
            io.fabric8.kubernetes.api.model.ContainerStatus init) {
        return new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                .withPhase("Pending")
                .withInitContainerStatuses(init)
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName("dvc")
                        .withNewState()
                        .withNewWaiting()
                        .withReason("PodInitializing")
                        .endWaiting()
                        .endState()
                        .build())
                .build();
    }

    private static io.fabric8.kubernetes.api.model.PodStatus dvcTerminated(String phase, int exitCode, String reason) {
        return new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                .withPhase(phase)
                .addNewContainerStatus()
                .withName("dvc")
                .withNewState()
                .withNewTerminated()
                .withExitCode(exitCode)
                .withReason(reason)
                .endTerminated()
                .endState()
                .endContainerStatus()
                .build();
    }

    private static io.fabric8.kubernetes.api.model.PodStatus oomKilled() {
        return new io.fabric8.kubernetes.api.model.PodStatusBuilder()
                .withPhase("Running")
                .withContainerStatuses(new ContainerStatusBuilder()
                        .withName("dvc")
                        .withNewLastState()
                        .withNewTerminated()
                        .withReason("OOMKilled")
                        .withExitCode(137)
                        .endTerminated()
                        .endLastState()
                        .build())
                .build();
    }

    /** Records lines and lets the test wait for one without sleeping. */
    private static final class RecordingListener extends RecordedProgress {
        private final List<Awaited> awaited = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void progress(String line) {
            super.progress(line);
            awaited.stream().filter(a -> line.startsWith(a.prefix)).forEach(a -> a.latch.countDown());
        }

        void awaitProgress(String prefix) throws InterruptedException {
            awaitProgress(prefix, 1);
        }

        /** Waits until {@code times} progress lines starting with {@code prefix} have been told. */
        void awaitProgress(String prefix, int times) throws InterruptedException {
            Awaited wanted;
            synchronized (this) {
                wanted = new Awaited(prefix, new CountDownLatch((int) Math.max(
                        0,
                        times
                                - progress.stream()
                                        .filter(l -> l.startsWith(prefix))
                                        .count())));
                awaited.add(wanted);
            }
            assertThat(wanted.latch.await(20, TimeUnit.SECONDS))
                    .as("%s progress lines starting %s in %s", times, prefix, progress)
                    .isTrue();
        }

        private record Awaited(String prefix, CountDownLatch latch) {}
    }
}
