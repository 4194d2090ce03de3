package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree {@code main} builds holds what the arguments need and parses them as the whole tree does. */
class CommandTreeTest {
    private static final List<String> ALL = GpuTrainCommand.SUBCOMMANDS.stream()
            .map(c -> c.getAnnotation(Command.class).name())
            .toList();

    @Test
    void aLoneVersionBuildsNoSubcommand() {
        assertThat(subcommands("--version")).isEmpty();
        assertThat(subcommands("-V")).isEmpty();
    }

    @Test
    void aSubcommandBuildsOnlyItself() {
        assertThat(subcommands("metrics", "diff", "main", "--md")).containsExactly("metrics");
        assertThat(subcommands("run", "--", "dvc", "repro")).containsExactly("run");
    }

    @Test
    void helpUsageAndAnythingElseBuildEverySubcommand() {
        assertThat(ALL).hasSize(9);
        assertThat(subcommands()).isEqualTo(ALL);
        assertThat(subcommands("help", "metrics")).isEqualTo(ALL);
        assertThat(subcommands("--help")).isEqualTo(ALL);
        assertThat(subcommands("--version", "metrics")).isEqualTo(ALL);
        assertThat(subcommands("metric")).isEqualTo(ALL);
    }

    @Test
    void everySubcommandsUsageIsTheWholeTreesUsage() {
        for (String name : ALL) {
            assertThat(usage(GpuTrainCommand.commandLine(name, "--help"), name))
                    .as(name)
                    .isEqualTo(usage(GpuTrainCommand.commandLine(), name));
        }
    }

    @Test
    void anEmptyValueIsRefusedByTheConverterOfTheChosenSubcommand() {
        CliRun run = CliRun.of("metrics", "diff", "--targets", "");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).startsWith("error: ").contains("empty (expected a value");
    }

    private static List<String> subcommands(String... args) {
        return List.copyOf(GpuTrainCommand.commandLine(args).getSubcommands().keySet());
    }

    private static String usage(CommandLine root, String name) {
        StringWriter out = new StringWriter();
        CommandLine command = name.equals("help") ? root : root.getSubcommands().get(name);
        command.usage(new PrintWriter(out, true));
        return out.toString();
    }
}
