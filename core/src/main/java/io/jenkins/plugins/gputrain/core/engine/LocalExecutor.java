package io.jenkins.plugins.gputrain.core.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the training command on this machine, in the working tree: for laptops and for trying gpu-train without a
 * cluster. Output is streamed line by line; the command and everything it started are stopped on timeout or
 * interrupt.
 */
public final class LocalExecutor {
    /**
     * Runs a command.
     *
     * @param command the program and its arguments
     * @param directory where it runs
     * @param timeout how long it may run, or {@code null} for no limit
     * @param listener receives its output
     * @return how it ended
     * @throws IOException when it cannot be started
     * @throws InterruptedException when the caller is interrupted; the command is stopped first
     */
    public CommandResult run(List<String> command, Path directory, Duration timeout, ProgressListener listener)
            throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command).directory(directory.toFile()).start();
        process.getOutputStream().close();
        Thread out = pump(process.getInputStream(), listener::output, "stdout");
        Thread err = pump(process.getErrorStream(), listener::error, "stderr");
        try {
            boolean finished = true;
            if (timeout == null) {
                process.waitFor();
            } else {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (!finished) {
                stop(process);
                out.join();
                err.join();
                return new CommandResult(-1, true);
            }
            out.join();
            err.join();
            return new CommandResult(process.exitValue(), false);
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Thread pump(InputStream stream, Consumer<String> lines, String name) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            lines.accept(line);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "gpu-train-local-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
