package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.ProductInfo;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gpu-train} command line: the engine of the Jenkins plugin, usable from any CI. */
@Command(
        name = "gpu-train",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Train DVC pipelines on a Kubernetes GPU pod and report metric, param and plot diffs.")
public final class GpuTrainCommand extends CommandGroup {
    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            PodCommand.class,
            MetricsCommand.class,
            ParamsCommand.class,
            PlotsCommand.class,
            ReportCommand.class,
            RunCommand.class,
            GcCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class);

    private static final Set<String> VERSION_OPTIONS = Set.of("-V", "--version");

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String... args) {
        System.exit(execute(commandLine(args), args));
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

    /** The whole command tree, every subcommand built (the usage and the tests that walk every command). */
    static CommandLine commandLine() {
        return configured(SUBCOMMANDS);
    }

    /**
     * The command tree these arguments need, as picocli would parse them with the whole tree: only the subcommand
     * the first argument names (all for {@code help}, which describes the others), none for a lone
     * {@code --version}, else all of them. Building a subcommand reads its
     * annotations and loads the libraries its fields use, most of the start-up time of a short command.
     *
     * @param args the arguments
     * @return the configured command line
     */
    static CommandLine commandLine(String... args) {
        if (args.length == 1 && VERSION_OPTIONS.contains(args[0])) {
            return configured(List.of());
        }
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand.getAnnotation(Command.class).name().equals(args[0])) {
                    return subcommand == CommandLine.HelpCommand.class
                            ? commandLine()
                            : configured(List.of(subcommand));
                }
            }
        }
        return commandLine();
    }

    /** Subcommands first: picocli hands converters and handlers only to the subcommands already added. */
    private static CommandLine configured(List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new GpuTrainCommand());
        subcommands.forEach(commandLine::addSubcommand);
        ErrorReporting errors = new ErrorReporting();
        return commandLine
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
