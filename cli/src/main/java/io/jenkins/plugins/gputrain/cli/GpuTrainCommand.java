package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.ProductInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gpu-train} command line: the engine of the Jenkins plugin, usable from any CI. */
@Command(
        name = "gpu-train",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Train DVC pipelines on a Kubernetes GPU pod and report metric, param and plot diffs.",
        subcommands = {
            PodCommand.class,
            MetricsCommand.class,
            ParamsCommand.class,
            PlotsCommand.class,
            ReportCommand.class,
            RunCommand.class,
            GcCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class
        })
public final class GpuTrainCommand extends CommandGroup {
    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String... args) {
        System.exit(execute(commandLine(), args));
    }

    /**
     * Runs a command line; what picocli's handlers let through (an {@link Error} such as out of memory or a stack
     * overflow) is the one internal-error line too, never a stack trace.
     *
     * @param commandLine the command line
     * @param args the arguments
     * @return the exit code
     */
    static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (Throwable e) { // the last line of defence: every failure is one line
            return ErrorReporting.internalError(commandLine.getErr(), e);
        }
    }

    /** The configured command line, for {@link #main} and tests. */
    static CommandLine commandLine() {
        ErrorReporting errors = new ErrorReporting();
        return new CommandLine(new GpuTrainCommand())
                .registerConverter(String.class, NonEmptyValue::text)
                .registerConverter(java.nio.file.Path.class, NonEmptyValue::path)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    /** Prints the version stamped into the core jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ProductInfo.current().versionLine()};
        }
    }
}
