package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.ProductInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The second-level subcommands of the subcommands that do not declare theirs, in the order the usage lists them. */
    private static final Map<Class<?>, List<Class<?>>> NESTED =
            Map.of(MetricsCommand.class, MetricsCommand.SUBCOMMANDS);

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
        List<CommandLine> subcommands = new ArrayList<>();
        for (Class<?> subcommand : SUBCOMMANDS) {
            subcommands.add(built(subcommand, NESTED.getOrDefault(subcommand, List.of())));
        }
        return configured(subcommands);
    }

    /**
     * The command tree these arguments need, as picocli would parse them with the whole tree: only the subcommand
     * the first argument names and, of its own subcommands, only the one the second argument names (all of them
     * when it names none); all for {@code help}, which describes the others; none for a lone {@code --version};
     * else all of them. Building a subcommand reads its annotations and loads the libraries its fields use, most of
     * the start-up time of a short command. Plain loops: a lambda that calls picocli is made at run time (the class
     * data archive leaves those out).
     *
     * @param args the arguments
     * @return the configured command line
     */
    static CommandLine commandLine(String... args) {
        if (args.length == 1 && VERSION_OPTIONS.contains(args[0])) {
            return configured(List.of());
        }
        Class<?> chosen = args.length > 0 ? named(SUBCOMMANDS, args[0]) : null;
        if (chosen == null || chosen == CommandLine.HelpCommand.class) {
            return commandLine();
        }
        List<Class<?>> nested = NESTED.getOrDefault(chosen, List.of());
        Class<?> second = args.length > 1 ? named(nested, args[1]) : null;
        return configured(List.of(built(chosen, second == null ? nested : List.of(second))));
    }

    /** The command of these with this name, or null. */
    private static Class<?> named(List<Class<?>> commands, String name) {
        for (Class<?> command : commands) {
            if (command.getAnnotation(Command.class).name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    private static CommandLine built(Class<?> command, List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(command);
        for (Class<?> subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine;
    }

    /** Subcommands first: picocli hands converters and handlers only to the subcommands already added. */
    private static CommandLine configured(List<CommandLine> subcommands) {
        CommandLine commandLine = new CommandLine(new GpuTrainCommand());
        for (CommandLine subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
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
