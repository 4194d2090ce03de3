package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
    void aSecondLevelSubcommandBuildsOnlyItselfUnderItsGroup() {
        assertThat(nested("metrics", "diff", "main", "--md")).containsExactly("diff");
        assertThat(nested("metrics", "show")).containsExactly("show");
        assertThat(nested("metrics")).containsExactly("diff", "show");
        assertThat(nested("metrics", "--help")).containsExactly("diff", "show");
        assertThat(nested("metrics", "dif")).containsExactly("diff", "show");
        assertThat(nested("metrics", "-C", ".", "diff")).containsExactly("diff", "show");
        assertThat(nested("help", "metrics")).containsExactly("diff", "show");
        assertThat(GpuTrainCommand.commandLine()
                        .getSubcommands()
                        .get("metrics")
                        .getSubcommands()
                        .keySet())
                .containsExactly("diff", "show");
    }

    /** Each command line as the whole tree answers it: the same exit code, output and error output, byte for byte. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "metrics",
                "metrics --help",
                "metrics -h",
                "metrics -V",
                "metrics bogus",
                "metrics dif",
                "metrics Diff",
                "metrics diff --help",
                "metrics diff -h",
                "metrics diff -V",
                "metrics diff --bogus",
                "metrics diff -x",
                "metrics diff --precision",
                "metrics diff --precision x",
                "metrics diff --md --json",
                "metrics diff --targets",
                "metrics diff show --bogus",
                "metrics diff a b c",
                "metrics diff -C /nonexistent/gpu-train main --md",
                "metrics show --help",
                "metrics show --bogus",
                "metrics show diff --bogus",
                "metrics show --precision -1",
                "metrics show -C /nonexistent/gpu-train",
                "metrics --bogus diff",
                "help metrics",
                "help metrics diff",
                "help metrics show",
                "help bogus",
                "params diff --bogus",
                "plots diff --help"
            })
    void aCommandLineIsAnsweredAsTheWholeTreeAnswersIt(String commandLine) {
        String[] args = commandLine.split(" ");

        CliRun lazy = CliRun.of(args);
        CliRun whole = CliRun.withWholeTree(args);

        assertThat(lazy.exitCode).as("exit code").isEqualTo(whole.exitCode);
        assertThat(lazy.out).as("output").isEqualTo(whole.out);
        assertThat(lazy.err).as("error output").isEqualTo(whole.err);
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

    private static List<String> nested(String... args) {
        return List.copyOf(GpuTrainCommand.commandLine(args)
                .getSubcommands()
                .get("metrics")
                .getSubcommands()
                .keySet());
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
