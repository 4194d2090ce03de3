package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run Secret that carries a freestyle build's DVC remote credentials to its pod ({@link FreestyleSecretRun}), on
 * the real control plane: it exists, labelled with the run, while the pod runs; the pod as the API server stores it
 * reads the credentials by reference and holds no value; the references resolve, as a kubelet resolves them when the
 * container starts, to the credentials; and the Secret is gone when the training ends — after a command that
 * succeeds, one that fails, and a pod that never starts. Neither the console nor the command's output shows a value.
 *
 * <p>kwok's exec runs the command as a local process with the environment of its {@code ClusterExec} only (kwok
 * v0.8.0 {@code pkg/kwok/server/debugging_exec.go}), and mounts no volumes, so the test resolves the references
 * itself.
 */
@ExtendWith(Testbed.class)
class RunSecretIT {
    private static final String ONE_GPU = "2-4000+nvidia-tesla-t4*1";

    /** The sandbox's GPU node has 2: the preflight refuses the pod before it is created. */
    private static final String MORE_GPUS_THAN_ANY_NODE = "2-4000+nvidia-tesla-t4*4";

    private Sandbox sandbox;
    private final AtomicBoolean seenRunning = new AtomicBoolean();
    private final CompletableFuture<RunningPod> running = new CompletableFuture<>();
    private final ExecutorService secretReader = Executors.newSingleThreadExecutor();
    private final List<Watch> watches = new ArrayList<>();

    /** The pod as the API server returned it once it was Running, and the Secret read at that moment. */
    private record RunningPod(Pod pod, Secret secret) {}

    @BeforeEach
    void createSandbox(Testbed testbed) {
        sandbox = Sandbox.create(testbed, "secret");
        sandbox.cpuAndGpuNodes();
        watches.add(sandbox.client().pods().inNamespace(sandbox.namespace()).watch(new Watcher<Pod>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                if (action != Action.DELETED
                        && pod.getStatus() != null
                        && "Running".equals(pod.getStatus().getPhase())
                        && seenRunning.compareAndSet(false, true)) {
                    // not on the watch's own thread, which the client needs to deliver the answer
                    running.completeAsync(
                            () -> new RunningPod(
                                    pod,
                                    sandbox.client()
                                            .secrets()
                                            .inNamespace(sandbox.namespace())
                                            .withName(pod.getMetadata().getName() + FreestyleSecretRun.SECRET_SUFFIX)
                                            .get()),
                            secretReader);
                }
            }

            @Override
            public void onClose(WatcherException cause) {}
        }));
    }

    @AfterEach
    void closeSandbox() {
        watches.forEach(Watch::close);
        secretReader.shutdownNow();
        sandbox.close();
    }

    private FreestyleSecretRun run(String cpuMemory) {
        return new FreestyleSecretRun(
                sandbox.client(),
                sandbox.namespace(),
                "gpu-train-" + UUID.randomUUID().toString().substring(0, 8),
                cpuMemory);
    }

    @Test
    void anAccessKeyPairReachesThePodBySecretKeyRefAndTheSecretIsDeletedAfterTheCommand(@TempDir Path directory)
            throws Exception {
        String keyId = "AKIA" + token().substring(0, 16).toUpperCase(Locale.ROOT);
        String secretKey = "s3cr3t-" + token();
        FreestyleSecretRun run = run(ONE_GPU);
        RecordedProgress console = new RecordedProgress();

        CommandResult result = run.train(
                DvcRemoteSecret.usernamePassword(keyId, secretKey),
                TrainingProject.create(directory.resolve("workspace"), "true"),
                "echo trained",
                console);

        assertThat(result.exitCode()).as(String.join("\n", console.progress)).isZero();
        RunningPod seen = awaitRunningPod();
        assertReadsByReference(
                seen,
                run,
                Map.of("AWS_ACCESS_KEY_ID", keyId, "AWS_SECRET_ACCESS_KEY", secretKey),
                List.of(keyId, secretKey));
        assertThat(console.output).contains("trained");
        assertDeletedAndNeverShown(run, console, List.of(keyId, secretKey));
    }

    @Test
    void aFailingCommandStillDeletesTheSecret(@TempDir Path directory) throws Exception {
        String connection = "DefaultEndpointsProtocol=https;AccountName=ml;AccountKey=" + token();
        FreestyleSecretRun run = run(ONE_GPU);
        RecordedProgress console = new RecordedProgress();

        CommandResult result = run.train(
                DvcRemoteSecret.secretText(connection),
                TrainingProject.create(directory.resolve("workspace"), "true"),
                "echo failing; exit 3",
                console);

        assertThat(result.exitCode()).as(String.join("\n", console.progress)).isNotZero();
        assertReadsByReference(
                awaitRunningPod(), run, Map.of("AZURE_STORAGE_CONNECTION_STRING", connection), List.of(connection));
        assertDeletedAndNeverShown(run, console, List.of(connection));
    }

    @Test
    void aSecretFileIsMountedFromTheSecretAndDeletedWithIt(@TempDir Path directory) throws Exception {
        String key = "{\"type\": \"service_account\", \"private_key\": \"" + token() + "\"}";
        FreestyleSecretRun run = run(ONE_GPU);
        RecordedProgress console = new RecordedProgress();

        CommandResult result = run.train(
                DvcRemoteSecret.file("gcs-key", key.getBytes(StandardCharsets.UTF_8)),
                TrainingProject.create(directory.resolve("workspace"), "true"),
                "echo trained",
                console);

        assertThat(result.exitCode()).as(String.join("\n", console.progress)).isZero();
        RunningPod seen = awaitRunningPod();
        Volume volume = seen.pod().getSpec().getVolumes().stream()
                .filter(v -> v.getSecret() != null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Secret volume in " + Serialization.asYaml(seen.pod())));
        assertThat(volume.getSecret().getSecretName()).isEqualTo(run.secretName());
        assertThat(decoded(seen.secret(), volume.getSecret().getItems().get(0).getKey()))
                .isEqualTo(key);
        assertThat(env(seen.pod()))
                .anyMatch(v -> "GOOGLE_APPLICATION_CREDENTIALS".equals(v.getName())
                        && DvcRemoteSecret.FILE_PATH.equals(v.getValue()));
        assertThat(Serialization.asJson(seen.pod())).doesNotContain(key).doesNotContain(base64(key));
        assertDeletedAndNeverShown(run, console, List.of(key));
    }

    @Test
    void aPodThatCannotStartStillDeletesTheSecret(@TempDir Path directory) throws Exception {
        String secretKey = "s3cr3t-" + token();
        FreestyleSecretRun run = run(MORE_GPUS_THAN_ANY_NODE);
        RecordedProgress console = new RecordedProgress();

        assertThatThrownBy(() -> run.train(
                        DvcRemoteSecret.usernamePassword("AKIAEXAMPLE", secretKey),
                        TrainingProject.create(directory.resolve("workspace"), "true"),
                        "echo trained",
                        console))
                .isInstanceOf(PodFailureException.class);

        assertDeletedAndNeverShown(run, console, List.of(secretKey));
    }

    /**
     * The pod as the test's watch saw it Running, and the Secret read when that event arrived: the engine waits for
     * the same event before the workspace upload and the command, then deletes the Secret last, so the Secret is read
     * while the pod runs; an event that arrived after the training ended would find no Secret and fail the test, not
     * pass it.
     */
    private RunningPod awaitRunningPod() throws Exception {
        return running.get(1, TimeUnit.MINUTES);
    }

    /**
     * The pod read every credential by {@code secretKeyRef} from the run's Secret, which existed with the run's
     * labels while the pod ran and resolves to the credentials; the stored pod holds no value.
     */
    private static void assertReadsByReference(
            RunningPod seen, FreestyleSecretRun run, Map<String, String> expected, List<String> values) {
        Secret secret = seen.secret();
        assertThat(secret).as("the Secret while the pod ran").isNotNull();
        assertThat(secret.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/managed-by", "gpu-train")
                .containsEntry(
                        "gpu-train.jenkins.io/run-id",
                        seen.pod().getMetadata().getLabels().get("gpu-train.jenkins.io/run-id"));
        assertThat(secret.getImmutable()).isTrue();
        Map<String, String> resolved = new LinkedHashMap<>();
        for (EnvVar variable : env(seen.pod())) {
            if (expected.containsKey(variable.getName())) {
                assertThat(variable.getValue())
                        .as(variable.getName() + "'s literal value")
                        .isNull();
                var reference = variable.getValueFrom().getSecretKeyRef();
                assertThat(reference.getName()).isEqualTo(run.secretName());
                resolved.put(variable.getName(), decoded(secret, reference.getKey()));
            }
        }
        assertThat(resolved).isEqualTo(expected);
        String stored = Serialization.asJson(seen.pod());
        for (String value : values) {
            assertThat(stored).doesNotContain(value).doesNotContain(base64(value));
        }
    }

    /** The Secret is gone once the training has returned, the pod too, and no value was shown. */
    private void assertDeletedAndNeverShown(FreestyleSecretRun run, RecordedProgress console, List<String> values)
            throws Exception {
        assertThat(sandbox.client()
                        .secrets()
                        .inNamespace(sandbox.namespace())
                        .withName(run.secretName())
                        .get())
                .as("the Secret after the training")
                .isNull();
        sandbox.client()
                .pods()
                .inNamespace(sandbox.namespace())
                .informOnCondition(List::isEmpty)
                .get(2, TimeUnit.MINUTES);
        assertThat(console.progress)
                .contains("deleted secret " + run.secretName())
                .anyMatch(line -> line.startsWith("created secret " + sandbox.namespace() + "/" + run.secretName()));
        String shown = String.join("\n", console.progress) + "\n" + String.join("\n", console.output);
        for (String value : values) {
            assertThat(shown).doesNotContain(value).doesNotContain(base64(value));
        }
    }

    private static List<EnvVar> env(Pod pod) {
        return pod.getSpec().getContainers().stream()
                .flatMap(container -> container.getEnv().stream())
                .toList();
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String token() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
