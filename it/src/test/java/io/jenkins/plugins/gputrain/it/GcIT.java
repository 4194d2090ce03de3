package io.jenkins.plugins.gputrain.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gpu-train gc} against the real API server: it deletes what a killed run left (pods and Secrets labelled
 * {@code app.kubernetes.io/managed-by=gpu-train}) once older than {@code --older-than}, and nothing else.
 */
@ExtendWith(Testbed.class)
class GcIT {
    private Sandbox sandbox;
    private GpuTrainCli cli;

    @BeforeEach
    void createSandbox(Testbed testbed) {
        sandbox = Sandbox.create(testbed, "gc");
        cli = new GpuTrainCli(testbed);
    }

    @AfterEach
    void closeSandbox() {
        sandbox.close();
    }

    @Test
    void deletesOnlyGpuTrainLeftoversOlderThanTheAge(@TempDir Path directory) throws Exception {
        var pods = sandbox.client().pods().inNamespace(sandbox.namespace());
        var secrets = sandbox.client().secrets().inNamespace(sandbox.namespace());
        pods.resource(new TrainingPodFactory()
                        .create(TrainingPodSpec.builder("leaked-1")
                                .podName("gpu-train-leaked-1")
                                .build()))
                .create();
        pods.resource(new PodBuilder()
                        .withNewMetadata()
                        .withName("someone-else")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("main")
                        .withImage("busybox")
                        .endContainer()
                        .endSpec()
                        .build())
                .create();
        secrets.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("gpu-train-leaked-1-env")
                        .withLabels(Map.of(TrainingPodFactory.MANAGED_BY_LABEL, TrainingPodFactory.MANAGED_BY))
                        .endMetadata()
                        .build())
                .create();
        secrets.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("someone-elses")
                        .endMetadata()
                        .build())
                .create();

        GpuTrainCli.Result young =
                cli.run(directory, 1, "gc", "--namespace", sandbox.namespace(), "--older-than", "1h");
        assertThat(young.exitCode()).as(young.transcript()).isZero();
        assertThat(young.out()).as(young.transcript()).contains("no gpu-train pods or secrets older than 1h");

        GpuTrainCli.Result dryRun = untilListed(directory, "--dry-run");
        assertThat(dryRun.out())
                .contains("gpu-train-leaked-1")
                .contains("gpu-train-leaked-1-env")
                .doesNotContain("someone");
        assertThat(pods.withName("gpu-train-leaked-1").get()).isNotNull();

        GpuTrainCli.Result deleted = untilListed(directory);
        assertThat(deleted.out()).contains("gpu-train-leaked-1").doesNotContain("someone");
        pods.withName("gpu-train-leaked-1")
                .waitUntilCondition(pod -> pod == null, 2, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(secrets.withName("gpu-train-leaked-1-env").get()).isNull();
        assertThat(pods.withName("someone-else").get()).isNotNull();
        assertThat(secrets.withName("someone-elses").get()).isNotNull();
        pods.withName("someone-else").withGracePeriod(0).delete();
        secrets.withName("someone-elses").delete();
        pods.withName("someone-else").waitUntilCondition(pod -> pod == null, 2, java.util.concurrent.TimeUnit.MINUTES);
    }

    /**
     * Runs {@code gc --older-than 1s} until it finds the leftovers: the API server's creation times have whole
     * seconds, so they become older than a second within two.
     */
    private GpuTrainCli.Result untilListed(Path directory, String... extra) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            String[] arguments = new String[5 + extra.length];
            arguments[0] = "gc";
            arguments[1] = "--namespace";
            arguments[2] = sandbox.namespace();
            arguments[3] = "--older-than";
            arguments[4] = "1s";
            System.arraycopy(extra, 0, arguments, 5, extra.length);
            GpuTrainCli.Result result = cli.run(directory, 1, arguments);
            assertThat(result.exitCode()).as(result.transcript()).isZero();
            if (result.out().contains("gpu-train-leaked-1-env") || Instant.now().isAfter(deadline)) {
                return result;
            }
        }
    }
}
