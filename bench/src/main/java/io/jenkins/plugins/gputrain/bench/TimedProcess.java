package io.jenkins.plugins.gputrain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One command as its own process, as a user or a Jenkins {@code sh} step runs it: its wall time. */
final class TimedProcess {
    private TimedProcess() {}

    /**
     * Runs a command to its end, its output to a file.
     *
     * @param directory the working directory
     * @param command the program and its arguments
     * @return the seconds from start to exit
     * @throws IOException when it cannot start or exits with another code than 0 (with its last output line)
     */
    static double seconds(Path directory, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("timed-process", ".txt");
        try {
            return seconds(directory, command, output);
        } finally {
            Files.delete(output);
        }
    }

    /**
     * Runs a command to its end, its output (stdout and stderr) to the given file, which is kept.
     *
     * @param directory the working directory
     * @param command the program and its arguments
     * @param output the file the output replaces
     * @return the seconds from start to exit
     * @throws IOException when it cannot start or exits with another code than 0 (with its last output line)
     */
    static double seconds(Path directory, List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("DVC_NO_ANALYTICS", "1");
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            List<String> lines = Files.readAllLines(output);
            throw new IOException("'" + String.join(" ", command) + "' in " + directory + " exited with " + exit + ": "
                    + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
        }
        return seconds;
    }
}
