package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one rule every command's errors follow, installed once on the whole command line: a bad option or value is
 * {@code error: …} plus a {@code Try 'gpu-train … --help'} hint (exit 2); a failed precondition or runtime failure
 * ({@link CommandFailure}) is one {@code ERROR: …} line (exit 1); anything else is an internal error: one
 * {@code ERROR:} line naming the log file that holds the stack trace (exit 1). Nothing else reaches standard error,
 * and no message is more than one line.
 */
final class ErrorReporting implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code of a usage error (picocli's and DVC's). */
    static final int USAGE = 2;

    private static final int MAX_MESSAGE = 400;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        return usageError(ex.getCommandLine(), ex.getMessage());
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        if (ex instanceof InvalidSpecException invalid) {
            return usageError(
                    commandLine,
                    invalid.withField(PodOptions.optionFor(invalid.field())).getMessage());
        }
        PrintWriter err = commandLine.getErr();
        if (ex instanceof CommandFailure failure) {
            err.println("ERROR: " + oneLine(failure.getMessage()));
        } else {
            err.println("ERROR: internal error (" + ex.getClass().getSimpleName() + ": " + oneLine(ex.getMessage())
                    + "); " + traceLocation(ex));
        }
        err.flush();
        return CommandFailure.FAILED;
    }

    private static int usageError(CommandLine commandLine, String message) {
        PrintWriter err = commandLine.getErr();
        err.println("error: " + oneLine(message));
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    /** Writes the stack trace to a new log file and says where it is. */
    private static String traceLocation(Exception ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        try {
            Path log = Files.createTempFile("gpu-train-", ".log");
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            return "the stack trace is in " + log + "; please report it";
        } catch (IOException | RuntimeException e) {
            return "the stack trace could not be written to a log file ("
                    + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * A message as one line: its first line, control characters escaped, at most 400 characters.
     *
     * @param message the message, or {@code null}
     * @return the line
     */
    static String oneLine(String message) {
        String first = message == null
                ? ""
                : message.strip().lines().findFirst().orElse("").strip();
        StringBuilder line = new StringBuilder();
        first.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                line.append(String.format("\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line.toString();
    }
}
