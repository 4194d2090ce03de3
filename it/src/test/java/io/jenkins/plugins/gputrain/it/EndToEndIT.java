package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpu-train run} end to end on the real control plane: the pod is scheduled by kube-scheduler onto the
 * {@code gpu=true} node (not the other one), a workspace of more than 16 MiB (fabric8's exec queue limit) travels in
 * through the API server's exec, the command runs, a result of more than 16 MiB comes back, the report is written,
 * and the pod is gone.
 */
@ExtendWith(Testbed.class)
class EndToEndIT {
    private static final int SEVENTEEN_MIB = 17 * 1024 * 1024;

    private Sandbox sandbox;
    private GpuTrainCli cli;

    @BeforeEach
    void createSandbox(Testbed testbed) {
        sandbox = Sandbox.create(testbed, "e2e");
        cli = new GpuTrainCli(testbed);
        sandbox.cpuAndGpuNodes();
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    @Test
    void runMovesMoreThan16MibBothWaysAndLeavesNothing(@TempDir Path directory) throws Exception {
        Path project = directory.resolve("project");
        Files.createDirectories(project);
        byte[] data = new byte[SEVENTEEN_MIB];
        new Random(14).nextBytes(data);
        Files.write(project.resolve("data.bin"), data);
        Files.writeString(
                project.resolve("train.sh"),
                "#!/bin/sh\n"
                        + "set -e\n"
                        + "digest=$(sha256sum data.bin | cut -d' ' -f1)\n"
                        + "head -c " + SEVENTEEN_MIB + " /dev/urandom > curve.png\n"
                        + "printf '{\"acc\": 0.75, \"input\": \"%s\"}\\n' \"$digest\" > metrics.json\n"
                        + "echo trained on $(hostname)\n");
        project.resolve("train.sh").toFile().setExecutable(true);
        Files.writeString(
                project.resolve("dvc.yaml"),
                "stages:\n  train:\n    cmd: ./train.sh\n    deps:\n      - data.bin\n    metrics:\n"
                        + "      - metrics.json:\n          cache: false\n    plots:\n      - curve.png:\n"
                        + "          cache: false\n");
        Files.writeString(project.resolve("metrics.json"), "{\"acc\": 0.5}\n");
        MainCommit.of(project);

        GpuTrainCli.Result result = cli.run(
                project, 5, TrainingRun.onGpuNodes(sandbox, "2-4000+t4*1").command("./train.sh"));

        assertThat(result.exitCode()).as(result.transcript()).isZero();
        assertThat(result.err() + result.out()).as(result.transcript()).contains("the command exited with code 0");
        assertThat(Files.readString(project.resolve("metrics.json")))
                .as("the metrics the pod wrote, with the digest of the input it received")
                .contains("\"acc\": 0.75")
                .contains(sha256(project.resolve("data.bin")));
        assertThat(Files.size(project.resolve("curve.png"))).isEqualTo(SEVENTEEN_MIB);
        assertThat(sha256(project.resolve("curve.png")))
                .as("the result came back as the pod wrote it")
                .isEqualTo(sha256(sandbox.execDirectory().resolve("curve.png")));
        assertThat(Files.exists(project.resolve("gpu-train/report.md"))).isTrue();
        assertThat(sandbox.client()
                        .pods()
                        .inNamespace(sandbox.namespace())
                        .list()
                        .getItems())
                .as("the pod is deleted when the run ends")
                .allSatisfy(pod ->
                        assertThat(pod.getMetadata().getDeletionTimestamp()).isNotNull());
        sandbox.awaitNoPods();
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
