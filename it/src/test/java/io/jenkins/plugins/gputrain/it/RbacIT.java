package io.jenkins.plugins.gputrain.it;

import static io.jenkins.plugins.gputrain.it.ServiceAccountAccess.allow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restricted credentials, judged by the real API server's RBAC authorizer: what gpu-train may not do ends the run with
 * one line that names the permission, and the pod it could create is deleted again.
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
                .run(project, 3, "run", "--node-selector", "gpu=true", "--no-preflight", "--", "true");
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
}
