package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ContainerShell} that runs the scripts as local processes in one directory, as kwok's exec simulation does
 * (a per-namespace working directory; absolute paths are not remapped), and, like fabric8 7.3.1's
 * {@code v4.channel.k8s.io} exec, never closes a command's standard input: a command that reads its input to the end
 * does not end, and is reported after {@link #END_SECONDS}. {@link #closingInput} makes one whose connection closes
 * after the input, as a broken connection would.
 */
final class LocalShell implements ContainerShell {
    static final long END_SECONDS = 10;

    private final Path directory;
    private final Path scratch;
    private final boolean closesInput;
    final List<String> scripts = new ArrayList<>();

    LocalShell(Path directory, Path scratch) {
        this(directory, scratch, false);
    }

    private LocalShell(Path directory, Path scratch, boolean closesInput) {
        this.directory = directory;
        this.scratch = scratch;
        this.closesInput = closesInput;
    }

    static LocalShell closingInput(Path directory, Path scratch) {
        return new LocalShell(directory, scratch, true);
    }

    @Override
    public Integer run(String script, byte[] input, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException {
        scripts.add(script);
        Path out = Files.createTempFile(scratch, "out", "");
        Path err = Files.createTempFile(scratch, "err", "");
        Process process = new ProcessBuilder("sh", "-c", script)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            if (input != null) {
                OutputStream in = process.getOutputStream();
                PodShell.writeChunked(input, in);
                in.flush();
                if (closesInput) {
                    in.close();
                }
            }
            if (!process.waitFor(END_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("'" + script + "' did not end: its standard input cannot be closed");
            }
        } finally {
            process.destroyForcibly();
            process.getOutputStream().close();
        }
        stdout.write(Files.readAllBytes(out));
        stderr.write(Files.readAllBytes(err));
        return process.exitValue();
    }
}
