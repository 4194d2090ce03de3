package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.engine.LocalWorkspace;
import io.jenkins.plugins.gputrain.core.engine.RecordedProgress;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace transfer's protocol, run against {@link LocalShell}: real {@code sh}, {@code head}, {@code wc} and
 * {@code tar} in a directory that stands for the container's working directory, with a standard input that is never
 * closed (fabric8 7.3.1's {@code v4.channel.k8s.io}, kubernetes#89899), as fabric8's {@code PodUpload} (7.3.1) has to
 * cope with too.
 */
class WorkspaceTransferTest {
    @TempDir
    Path local;

    @TempDir
    Path pod;

    @TempDir
    Path scratch;

    private final RecordedProgress progress = new RecordedProgress();

    @Test
    void theUploadEndsWithoutClosingStandardInputKeepsExecutableBitsAndRemovesTheArchive() throws Exception {
        Files.writeString(local.resolve("dvc.yaml"), "stages: {}\n");
        Files.createDirectories(local.resolve("bin"));
        Path script = Files.writeString(local.resolve("bin/train.sh"), "#!/bin/sh\necho trained\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] data = new byte[3 * PodShell.CHUNK_BYTES + 17];
        new Random(7).nextBytes(data);
        Files.write(local.resolve("data.bin"), data);
        LocalShell shell = new LocalShell(pod, scratch);

        new WorkspaceTransfer(1 << 26, p -> shell).upload(null, new LocalWorkspace(local), progress);

        assertThat(pod.resolve("dvc.yaml")).hasContent("stages: {}");
        assertThat(pod.resolve("data.bin")).hasBinaryContent(data);
        assertThat(Files.isExecutable(pod.resolve("bin/train.sh"))).isTrue();
        assertThat(Files.isExecutable(pod.resolve("dvc.yaml"))).isFalse();
        assertThat(pod.resolve(WorkspaceTransfer.UPLOAD_FILE)).doesNotExist();
        assertThat(shell.scripts).hasSize(3).noneMatch(s -> s.contains(TrainingPodFactory.WORKSPACE));
    }

    @Test
    void resultsComeBackFromTheWorkingDirectoryWithExecutableBitsAndMissingOnesSkipped() throws Exception {
        Files.createDirectories(pod.resolve("eval"));
        Files.writeString(pod.resolve("eval/metrics.json"), "{\"acc\": 0.9}");
        Path tool = Files.writeString(pod.resolve("-tool.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        LocalShell shell = new LocalShell(pod, scratch);

        List<String> copied = new WorkspaceTransfer(1 << 20, p -> shell)
                .download(
                        null,
                        new LocalWorkspace(local),
                        List.of("eval/metrics.json", "-tool.sh", "dvc.lock"),
                        progress);

        assertThat(copied).containsExactly("eval/metrics.json", "-tool.sh");
        assertThat(local.resolve("eval/metrics.json")).hasContent("{\"acc\": 0.9}");
        assertThat(Files.isExecutable(local.resolve("-tool.sh"))).isTrue();
        assertThat(shell.scripts).singleElement().asString().doesNotContain(TrainingPodFactory.WORKSPACE);
        assertThat(pod.resolve(WorkspaceTransfer.RESULTS_FILE)).doesNotExist();
    }

    /** An exec whose last output frames were lost (its close never came) must not pass for a complete download. */
    @Test
    void resultsCutShortAreRefused() throws Exception {
        Files.write(pod.resolve("model.bin"), new byte[4096]);
        LocalShell real = new LocalShell(pod, scratch);
        ContainerShell losingTheEnd = (script, input, out, err) -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            Integer code = real.run(script, input, all, err);
            out.write(all.toByteArray(), 0, all.size() - 512);
            return code;
        };

        assertThatThrownBy(() -> new WorkspaceTransfer(1 << 20, p -> losingTheEnd)
                        .download(null, new LocalWorkspace(local), List.of("model.bin"), progress))
                .isInstanceOf(PodFailureException.class)
                .hasMessageMatching(
                        "copying the results back failed: the pod's archive has \\d+ bytes, but \\d+ arrived");
        assertThat(local.resolve("model.bin")).doesNotExist();
        assertThat(pod.resolve(WorkspaceTransfer.RESULTS_FILE)).doesNotExist();
    }

    @Test
    void anArchiveThatCannotBeStoredReportsTarsError() throws Exception {
        Files.writeString(pod.resolve("dvc.lock"), "schema: '2.0'\n");
        Files.createDirectories(pod.resolve(WorkspaceTransfer.RESULTS_FILE));
        LocalShell shell = new LocalShell(pod, scratch);

        assertThatThrownBy(() -> new WorkspaceTransfer(1 << 20, p -> shell)
                        .download(null, new LocalWorkspace(local), List.of("dvc.lock"), progress))
                .isInstanceOf(PodFailureException.class)
                .hasMessageStartingWith("copying the results back failed (tar exit code 2): ");
        assertThat(local.resolve("dvc.lock")).doesNotExist();
    }

    @Test
    void noResultInThePodIsNoFileBack() throws Exception {
        LocalShell shell = new LocalShell(pod, scratch);

        assertThat(new WorkspaceTransfer(1 << 20, p -> shell)
                        .download(null, new LocalWorkspace(local), List.of("dvc.lock"), progress))
                .isEmpty();
        assertThat(progress.progress)
                .containsExactly("copied back 0 result file(s): the command produced none of them");
    }

    @Test
    void resultsOverTheLimitAreRefused() throws Exception {
        Files.write(pod.resolve("model.bin"), new byte[4096]);
        LocalShell shell = new LocalShell(pod, scratch);

        assertThatThrownBy(() -> new WorkspaceTransfer(1024, p -> shell)
                        .download(null, new LocalWorkspace(local), List.of("model.bin"), progress))
                .isInstanceOf(PodFailureException.class)
                .hasMessage("copying the results back failed: the results are larger than 1024 bytes");
    }

    /** Upload with {@code cat > file} or {@code tar xf -}: the command waits for an end of input that never comes. */
    @Test
    void aCommandThatReadsToTheEndOfItsInputWouldNeverEnd() {
        LocalShell shell = new LocalShell(pod, scratch);

        assertThatThrownBy(() -> shell.run(
                        "cat > x", new byte[10], OutputStream.nullOutputStream(), OutputStream.nullOutputStream()))
                .hasMessage("'cat > x' did not end: its standard input cannot be closed");
    }

    @Test
    void aTruncatedUploadIsNamedAndItsFileRemoved() throws Exception {
        Files.writeString(local.resolve("dvc.yaml"), "stages: {}\n");
        LocalShell real = LocalShell.closingInput(pod, scratch);
        ContainerShell truncating = (script, input, out, err) ->
                real.run(script, input == null ? null : java.util.Arrays.copyOf(input, 100), out, err);

        assertThatThrownBy(() -> new WorkspaceTransfer(1 << 20, p -> truncating)
                        .upload(null, new LocalWorkspace(local), progress))
                .isInstanceOf(PodFailureException.class)
                .hasMessageMatching(
                        "copying the workspace into the pod failed: \\d+ bytes sent, but the pod stored 100");
        assertThat(pod.resolve(WorkspaceTransfer.UPLOAD_FILE)).doesNotExist();
    }

    @Test
    void aFailingExtractionReportsTarsError() throws Exception {
        Files.writeString(local.resolve("dvc.yaml"), "stages: {}\n");
        Files.createDirectories(pod.resolve("dvc.yaml"));
        Files.writeString(pod.resolve("dvc.yaml/keep"), "x");
        LocalShell shell = new LocalShell(pod, scratch);

        assertThatThrownBy(() ->
                        new WorkspaceTransfer(1 << 20, p -> shell).upload(null, new LocalWorkspace(local), progress))
                .isInstanceOf(PodFailureException.class)
                .hasMessageStartingWith("copying the workspace into the pod failed (tar exit code 2): ");
        assertThat(pod.resolve(WorkspaceTransfer.UPLOAD_FILE)).doesNotExist();
    }

    @Test
    void inputIsWrittenInBoundedChunks() throws IOException {
        byte[] data = new byte[5 * PodShell.CHUNK_BYTES / 2];
        new Random(3).nextBytes(data);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int[] largest = {0};
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("byte-wise write");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                largest[0] = Math.max(largest[0], length);
                received.write(bytes, offset, length);
            }
        };

        PodShell.writeChunked(data, recording);

        assertThat(received.toByteArray()).isEqualTo(data);
        assertThat(largest[0]).isEqualTo(PodShell.CHUNK_BYTES);
    }

    @Property(tries = 60)
    void quotedWordsReachTheShellUnchanged(
            @ForAll @StringLength(max = 40) @CharRange(from = ' ', to = '~') @Chars({'\n', '\t', 'é'}) String path)
            throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c", "printf '%s' " + WorkspaceTransfer.quote(path))
                .redirectErrorStream(true)
                .start();
        String printed = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(shell.waitFor()).isZero();
        assertThat(printed).isEqualTo(path);
    }
}
