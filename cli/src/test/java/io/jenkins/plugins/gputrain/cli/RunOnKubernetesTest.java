package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.jenkins.plugins.gputrain.core.engine.k8s.MockDryRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpu-train run} on the Kubernetes executor against fabric8's mock API server (CRUD mode). */
@EnableKubernetesMockClient(crud = true)
class RunOnKubernetesTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path repo;

    private Path kubeconfig;

    @BeforeEach
    void setUp() throws IOException {
        kubeconfig = MockKubeconfig.write(Files.createTempDirectory(repo, "kube"), server);
        MockDryRun.answer(server, "ml");
        Files.writeString(repo.resolve("dvc.yaml"), "metrics:\n- m.json\n");
        client.nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName("cpu-1")
                        .endMetadata()
                        .withNewStatus()
                        .withAllocatable(Map.of(
                                "cpu", new Quantity("8"), "memory", new Quantity("32Gi"), "pods", new Quantity("110")))
                        .addNewCondition()
                        .withType("Ready")
                        .withStatus("True")
                        .endCondition()
                        .endStatus()
                        .build())
                .create();
    }

    @Test
    void noNodeForTheGpuFailsBeforeAnyPodIsCreated() throws InterruptedException {
        client.nodes().withName("cpu-1").edit(node -> {
            node.getMetadata().setLabels(Map.of("gpu", "true"));
            return node;
        });
        CliRun run = runDvcRepro("--node-selector", "gpu=true", "--cpu-memory", "4-16000+nvidia-tesla-t4*1");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err.lines().filter(line -> line.startsWith("ERROR: ")))
                .singleElement()
                .asString()
                .matches("ERROR: preflight: no node can run pod gpu-train-[a-z0-9-]+ \\(checked its node selector"
                        + " gpu=true, .* against the labels, taints, cordon and allocatable resources \\(less what"
                        + " other pods request\\) of 1 node; closest:"
                        + " cpu-1 \\(0 of 1 nvidia.com/gpu allocatable\\)\\); if an"
                        + " autoscaler adds nodes on demand, turn the preflight off");
        assertThat(requests()).doesNotContain("POST /api/v1/namespaces/ml/pods");
        assertThat(client.pods().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void noPreflightGoesStraightToCreatingThePod() throws InterruptedException {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/ml/pods")
                .andReturn(403, "forbidden")
                .always();

        CliRun run = runDvcRepro("--no-preflight", "--cpu-memory", "4-16000+nvidia-tesla-t4*1");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).doesNotContain("preflight");
        assertThat(run.err.lines().filter(line -> line.startsWith("ERROR: ")))
                .singleElement()
                .asString()
                .startsWith("ERROR: Kubernetes API at " + server.url("/") + " (kubeconfig " + kubeconfig
                        + ", context mock, cluster mock) answered HTTP 403: ");
        assertThat(requests())
                .containsExactly("POST /api/v1/namespaces/ml/pods?dryRun=All", "POST /api/v1/namespaces/ml/pods");
    }

    @Test
    void aWorkspaceOverTheLimitFailsOnceThePodRunsAndThePodIsDeleted() throws Exception {
        Files.writeString(repo.resolve("data.csv"), "x".repeat(2048));
        CompletableFuture<CliRun> started =
                CompletableFuture.supplyAsync(() -> runDvcRepro("--max-workspace-size", "1Ki"));
        Pod pod = createdPod();
        pod.setStatus(new PodStatusBuilder().withPhase("Running").build());
        client.pods().inNamespace("ml").resource(pod).updateStatus();

        CliRun run = started.get(30, TimeUnit.SECONDS);

        assertThat(run.exitCode).isEqualTo(1);
        String name = pod.getMetadata().getName();
        assertThat(run.err)
                .contains(
                        "[gpu-train] preflight: 1 of 1 nodes can run pod " + name + " (cpu-1); checked its",
                        "[gpu-train] pod " + name + " is Running",
                        "[gpu-train] deleted pod " + name,
                        "ERROR: cannot pack the workspace: the workspace is larger than 1024 bytes");
        // Two POSTs: the server-side dry run of the pod (dryRun=All), then its creation.
        assertThat(run.err)
                .containsPattern("\\[gpu-train] the run sent \\d+ API requests \\(DELETE 1, GET \\d+, POST 2\\)"
                        + " to the cluster");
        assertThat(pod.getSpec().getActiveDeadlineSeconds())
                .as("no --timeout: 24h plus the 30m margin, so that a killed gpu-train cannot hold the node")
                .isEqualTo(88_200L);
        assertThat(client.pods().inNamespace("ml").withName(name).get()).isNull();
    }

    /**
     * A pod the kubelet stops at its deadline ({@code pkg/kubelet/active_deadline.go}, Kubernetes v1.35.4: phase
     * Failed, reason DeadlineExceeded, counted from {@code status.startTime}) fails the run with one line naming
     * {@code --timeout} and the margin the deadline was made of.
     */
    @Test
    void aPodPastItsDeadlineFailsNamingTimeout() throws Exception {
        CompletableFuture<CliRun> started = CompletableFuture.supplyAsync(() -> runDvcRepro("--timeout", "2h"));
        Pod pod = createdPod();
        pod.setStatus(new PodStatusBuilder()
                .withPhase("Failed")
                .withReason("DeadlineExceeded")
                .withMessage("Pod was active on the node longer than the specified deadline")
                .build());
        client.pods().inNamespace("ml").resource(pod).updateStatus();

        CliRun run = started.get(30, TimeUnit.SECONDS);

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(pod.getSpec().getActiveDeadlineSeconds()).isEqualTo(9_000L);
        assertThat(run.err.lines().filter(line -> line.startsWith("ERROR: ")))
                .containsExactly("ERROR: The pod ran longer than its deadline (activeDeadlineSeconds): Pod was active"
                        + " on the node longer than the specified deadline (the pod's activeDeadlineSeconds is"
                        + " --timeout 2h plus 30m for the image pull and the copies; pass a longer --timeout)");
    }

    @Test
    void aBadWorkspaceLimitIsAUsageError() {
        CliRun run = runDvcRepro("--max-workspace-size", "0");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err)
                .isEqualTo("error: --max-workspace-size '0': must be at least 1 byte (expected a size such as 256Mi,"
                        + " 1Gi or 500M, at most 2047Mi)\nTry 'gpu-train run --help' for more information.\n");
    }

    @Test
    void createRefusedWithServerErrorsIsRetriedThenOneLine() throws InterruptedException {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/ml/pods")
                .andReturn(500, "etcd is overloaded")
                .always();

        CliRun run = runDvcRepro();

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err.lines().filter(line -> line.startsWith("ERROR: ")))
                .singleElement()
                .asString()
                .startsWith("ERROR: Kubernetes API at " + server.url("/") + " (kubeconfig " + kubeconfig
                        + ", context mock, cluster mock) answered HTTP 500: ");
        assertThat(run.err).doesNotContain("\tat ");
        assertThat(requests().stream().filter("POST /api/v1/namespaces/ml/pods"::equals))
                .as("the first attempt and 3 retries")
                .hasSize(4);
    }

    /** The requests the command made (the test's own node creation first is dropped). */
    private List<String> requests() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(0, TimeUnit.SECONDS)) != null) {
            lines.add(request.getMethod() + " " + request.getPath());
        }
        return lines.subList(1, lines.size());
    }

    /** The pod gpu-train created, once the mock server has it. */
    private Pod createdPod() throws Exception {
        return client.pods()
                .inNamespace("ml")
                .withLabel("app.kubernetes.io/managed-by", "gpu-train")
                .informOnCondition(pods -> !pods.isEmpty())
                .get(20, TimeUnit.SECONDS)
                .get(0);
    }

    /** {@code gpu-train run -C REPO --kubeconfig KUBECONFIG OPTIONS -- dvc repro} against the mock API server. */
    private CliRun runDvcRepro(String... options) {
        List<String> args =
                new ArrayList<>(List.of("run", "-C", repo.toString(), "--kubeconfig", kubeconfig.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("--", "dvc", "repro"));
        return CliRun.of(args.toArray(String[]::new));
    }
}
