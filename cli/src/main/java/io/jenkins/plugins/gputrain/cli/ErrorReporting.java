package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
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

    /** What picocli puts before some of its messages, where our {@code error: } already stands. */
    private static final String PICOCLI_PREFIX = "Error: ";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        String message = ex instanceof MutuallyExclusiveArgsException
                ? exclusiveOptionsTyped(ex.getCommandLine().getCommandSpec(), args)
                        .orElse(ex.getMessage())
                : ex.getMessage();
        return usageError(
                ex.getCommandLine(),
                message.startsWith(PICOCLI_PREFIX) ? message.substring(PICOCLI_PREFIX.length()) : message);
    }

    /** The mutually exclusive options as the user typed them ({@code --md}, not picocli's {@code --show-md}). */
    private static Optional<String> exclusiveOptionsTyped(CommandSpec spec, String[] args) {
        List<String> typed = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            String name = arg.split("=", 2)[0];
            OptionSpec option = name.startsWith("-") ? spec.findOption(name) : null;
            if (option != null && option.group() != null && option.group().exclusive() && !typed.contains(name)) {
                typed.add(name);
            }
        }
        return typed.size() < 2
                ? Optional.empty()
                : Optional.of(String.join(", ", typed) + " are mutually exclusive (specify only one)");
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
            err.flush();
            return CommandFailure.FAILED;
        }
        return internalError(err, ex);
    }

    /**
     * Reports an internal error, an exception or an {@link Error} such as {@link OutOfMemoryError} that picocli does not
     * handle: one {@code ERROR:} line naming the log file with the stack trace.
     *
     * @param err standard error
     * @param failure what was thrown
     * @return the exit code, {@link CommandFailure#FAILED}
     */
    static int internalError(PrintWriter err, Throwable failure) {
        err.println("ERROR: internal error (" + failure.getClass().getSimpleName() + ": "
                + oneLine(failure.getMessage()) + "); " + traceLocation(failure));
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
    private static String traceLocation(Throwable ex) {
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
     * A message as one line: control characters escaped before anything is cut ({@code \n}, {@code \r}, {@code \t},
     * else {@code \}{@code uXXXX}), so that a value with a line break is shown whole; at most 400 characters.
     *
     * @param message the message, or {@code null}
     * @return the line
     */
    static String oneLine(String message) {
        String text = message == null ? "" : message.strip();
        StringBuilder line = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (c == '\t') {
                line.append("\\t");
            } else if (Character.isISOControl(c)) {
                line.append(String.format("\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line.toString();
    }
}
