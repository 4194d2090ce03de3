package io.jenkins.plugins.gputrain.it;

import static io.jenkins.plugins.gputrain.it.ServiceAccountAccess.allow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.engine.k8s.ApiErrors;
import io.jenkins.plugins.gputrain.core.pipeline.DvcRemoteSecret;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restricted credentials, judged by the real API server's RBAC authorizer: what gpu-train may not do ends the run with
 * one line that names the permission, and the pod or Secret it could create is deleted again.
 */
@ExtendWith(Testbed.class)
class RbacIT {
    private Sandbox sandbox;

    @BeforeEach
    void createSandbox(Testbed testbed) {
        sandbox = Sandbox.create(testbed, "rbac");
        sandbox.nodes(FakeNode.named(sandbox.namespace() + "-gpu")
                .label("gpu", "true")
                .gpus(1));
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    private GpuTrainCli.Result run(Path kubeconfig, Path project) throws Exception {
        return new GpuTrainCli(kubeconfig)
                .run(
                        project,
                        3,
                        TrainingRun.onGpuNodes(sandbox, "1-2000")
                                .flag("--no-preflight")
                                .command("true"));
    }

    @Test
    void withoutExecPermissionTheRunFailsInOneLineAndThePodIsDeleted(@TempDir Path directory) throws Exception {
        Path kubeconfig = ServiceAccountAccess.create(
                sandbox,
                "no-exec",
                directory.resolve("kubeconfig"),
                allow(List.of("pods"), "create", "get", "list", "watch", "delete"),
                allow(List.of("events"), "get", "list", "watch"));

        GpuTrainCli.Result result = run(kubeconfig, TrainingProject.create(directory.resolve("project"), "true"));

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(1);
        List<String> errors =
                result.err().lines().filter(line -> line.startsWith("ERROR:")).toList();
        assertThat(errors).as(result.transcript()).hasSize(1);
        assertThat(errors.get(0)).contains("pods/exec");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void withoutCreatePermissionNothingStarts(@TempDir Path directory) throws Exception {
        Path kubeconfig = ServiceAccountAccess.create(
                sandbox, "read-only", directory.resolve("kubeconfig"), allow(List.of("pods"), "get", "list", "watch"));

        GpuTrainCli.Result result = run(kubeconfig, TrainingProject.create(directory.resolve("project"), "true"));

        assertThat(result.exitCode()).as(result.transcript()).isEqualTo(1);
        List<String> errors =
                result.err().lines().filter(line -> line.startsWith("ERROR:")).toList();
        assertThat(errors).as(result.transcript()).hasSize(1);
        assertThat(errors.get(0)).contains("create").contains("pods");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void withoutSecretsPermissionAFreestyleRunWithDvcCredentialsFailsInOneLineAndCreatesNothing(@TempDir Path directory)
            throws Exception {
        Path kubeconfig = ServiceAccountAccess.create(
                sandbox,
                "no-secrets",
                directory.resolve("kubeconfig"),
                allow(List.of("pods"), "create", "get", "list", "watch", "delete"),
                allow(List.of("pods/exec"), "create", "get"),
                allow(List.of("events"), "get", "list", "watch"));
        String secretKey = "s3cr3t-rbac-" + Long.toHexString(System.nanoTime());
        RecordedProgress console = new RecordedProgress();
        KubernetesClientException refusal;
        String line;
        try (Testbed restricted = Testbed.at(kubeconfig)) {
            FreestyleSecretRun run = new FreestyleSecretRun(
                    restricted.client(), sandbox.namespace(), "gpu-train-5ec0000a", "2-4000+nvidia-tesla-t4*1");
            refusal = catchThrowableOfType(
                    KubernetesClientException.class,
                    () -> run.train(
                            DvcRemoteSecret.usernamePassword("AKIAEXAMPLE", secretKey),
                            TrainingProject.create(directory.resolve("project"), "true"),
                            "true",
                            console));
            Config config = restricted.client().getConfiguration();
            // what GpuTrainBuilder.train puts after "cloud 'NAME': the Kubernetes API at URL failed: "
            line = ApiErrors.line(refusal, config.getRequestTimeout());
        }

        assertThat(refusal).as(String.join("\n", console.progress)).isNotNull();
        assertThat(refusal.getCode()).isEqualTo(403);
        assertThat(line)
                .startsWith("cannot create secret " + sandbox.namespace() + "/gpu-train-5ec0000a"
                        + FreestyleSecretRun.SECRET_SUFFIX + " for the DVC remote credentials (HTTP 403): ")
                .contains("cannot create resource \"secrets\"")
                .doesNotContain("\n")
                .doesNotContain("Received status")
                .doesNotContain(secretKey);
        assertThat(console.progress).noneMatch(progress -> progress.startsWith("created"));
        assertThat(sandbox.leftovers()).as("no pod and no Secret").isEmpty();
    }

    /**
     * Credentials that may create and delete Secrets but not {@code get} them: the Secret is read back right after its
     * create (a create whose answer is lost is known by its create id only once read), so the run fails before any
     * pod is made, in one line naming the refused {@code get}, and the Secret is deleted.
     */
    @Test
    void withoutGetOnSecretsAFreestyleRunFailsInOneLineBeforeAnyPodAndDeletesTheSecret(@TempDir Path directory)
            throws Exception {
        Path kubeconfig = ServiceAccountAccess.create(
                sandbox,
                "no-secret-get",
                directory.resolve("kubeconfig"),
                allow(List.of("pods"), "create", "get", "list", "watch", "delete"),
                allow(List.of("pods/exec"), "create", "get"),
                allow(List.of("events"), "get", "list", "watch"),
                allow(List.of("secrets"), "create", "delete"));
        RecordedProgress console = new RecordedProgress();
        KubernetesClientException refusal;
        String line;
        try (Testbed restricted = Testbed.at(kubeconfig)) {
            FreestyleSecretRun run = new FreestyleSecretRun(
                    restricted.client(), sandbox.namespace(), "gpu-train-5ec0000b", "2-4000+nvidia-tesla-t4*1");
            refusal = catchThrowableOfType(
                    KubernetesClientException.class,
                    () -> run.train(
                            DvcRemoteSecret.usernamePassword("AKIAEXAMPLE", "s3cr3t-get"),
                            TrainingProject.create(directory.resolve("project"), "true"),
                            "true",
                            console));
            line = ApiErrors.line(
                    refusal, restricted.client().getConfiguration().getRequestTimeout());
        }

        assertThat(refusal).as(String.join("\n", console.progress)).isNotNull();
        assertThat(refusal.getCode()).isEqualTo(403);
        assertThat(line)
                .startsWith("cannot read secret " + sandbox.namespace() + "/gpu-train-5ec0000b"
                        + FreestyleSecretRun.SECRET_SUFFIX + " back after creating it (HTTP 403): ")
                .contains("cannot get resource \"secrets\"")
                .endsWith("allow get on secrets; the Secret was deleted again")
                .doesNotContain("\n")
                .doesNotContain("s3cr3t-get");
        assertThat(console.progress)
                .as("the Secret created, then deleted; no pod")
                .anyMatch(progress -> progress.startsWith("created secret "))
                .contains("deleted secret gpu-train-5ec0000b" + FreestyleSecretRun.SECRET_SUFFIX)
                .noneMatch(progress -> progress.startsWith("created pod"));
        assertThat(sandbox.leftovers()).as("no pod and no Secret").isEmpty();
    }

    @Test
    void gcWithoutSecretsPermissionCleansPodsAndSaysSecretsWereNotChecked(@TempDir Path directory) throws Exception {
        Path kubeconfig = ServiceAccountAccess.create(
                sandbox, "pods-only", directory.resolve("kubeconfig"), allow(List.of("pods"), "get", "list", "delete"));

        GpuTrainCli.Result result = new GpuTrainCli(kubeconfig)
                .run(directory, 2, "gc", "--namespace", sandbox.namespace(), "--older-than", "1h");

        assertThat(result.exitCode()).as(result.transcript()).isZero();
        assertThat(result.out())
                .as(result.transcript())
                .contains("secrets not checked: these credentials may not list secrets in namespace "
                        + sandbox.namespace() + " (HTTP 403)");
        assertThat(result.err()).doesNotContain("ERROR:").doesNotContain("\tat ");
    }
}
