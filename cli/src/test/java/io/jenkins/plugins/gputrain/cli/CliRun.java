package io.jenkins.plugins.gputrain.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line with captured output, for tests. */
final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Runs the command line {@code main} builds, with empty standard input (as {@code < /dev/null}). */
    static CliRun of(String... args) {
        return run(GpuTrainCommand.commandLine(args), args);
    }

    /** Runs the arguments on the whole command tree, every subcommand built, with empty standard input. */
    static CliRun withWholeTree(String... args) {
        return run(GpuTrainCommand.commandLine(), args);
    }

    private static CliRun run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(new byte[0]));
        try {
            int exitCode = GpuTrainCommand.execute(commandLine, args);
            return new CliRun(exitCode, out.toString(), err.toString());
        } finally {
            System.setIn(stdin);
        }
    }
}
