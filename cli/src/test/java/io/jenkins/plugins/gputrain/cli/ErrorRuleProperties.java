package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The error rule of every command, over malformed options, values and files drawn from the commands' own option
 * model (so a new option is covered without listing it here): exit code 0, 1 or 2; on failure at most 3 lines on
 * standard error, the first {@code error: } (exit 2) or {@code ERROR: } (exit 1); never a stack trace, a usage dump
 * or an internal error. The inputs never reach a network or write outside a temporary directory: {@code run} and
 * {@code gc} always get a kubeconfig that is unusable, {@code demo} a directory it must refuse.
 */
class ErrorRuleProperties {
    /** Options that print help or the version instead of running. */
    private static final Set<String> INFORMATIONAL = Set.of("--help", "--version");

    /** Values that a user could type by mistake, and worse. */
    private static final List<String> BAD_VALUES = List.of(
            "",
            " ",
            "-1",
            "0",
            "99999999999999999999",
            "1e400",
            "abc",
            "NaN",
            "--",
            "-",
            "=",
            "a,b,,c",
            "k=v=w",
            "../../..",
            "x\u0000y",
            "line\nbreak",
            "\u00e9\u4e2d\ud83d\ude00",
            "${HOME}",
            "%s%n",
            "a".repeat(5000));

    private static final Fixture FIXTURE = new Fixture();

    @Property(tries = 400)
    void everyMalformedInvocationFollowsTheRule(@ForAll("invocations") List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String described = "gpu-train " + args.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "))
                + "\nexit " + run.exitCode + "\nstderr:\n" + run.err + "\nstdout:\n" + shorten(run.out);
        List<String> errLines = run.err.lines().toList();

        assertThat(run.exitCode).as(described).isIn(0, 1, 2);
        assertThat(run.err)
                .as(described)
                .doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(")
                .doesNotContain("internal error", "Exception in thread", "Usage:");
        if (run.exitCode != 0) {
            assertThat(errLines).as(described).isNotEmpty().hasSizeLessThanOrEqualTo(3);
            assertThat(errLines.get(0)).as(described).startsWith(run.exitCode == 2 ? "error: " : "ERROR: ");
        }
        if (run.exitCode == 2) {
            assertThat(run.out).as(described).isEmpty();
            assertThat(errLines.subList(1, errLines.size()))
                    .as(described)
                    .allMatch(line -> line.startsWith("Try 'gpu-train"));
        }
    }

    @Provide
    Arbitrary<List<String>> invocations() {
        List<CommandSpec> commands = leafCommands(GpuTrainCommand.commandLine().getCommandSpec());
        return Arbitraries.of(commands).flatMap(command -> {
            List<OptionSpec> options = command.options().stream()
                    .filter(o -> !INFORMATIONAL.contains(o.longestName()))
                    .toList();
            Arbitrary<List<String>> fuzzed = Arbitraries.of(options)
                    .flatMap(option -> Combinators.combine(values(option), Arbitraries.of(true, false))
                            .as((value, attached) -> pass(option, value, attached)))
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(2)
                    .map(lists -> lists.stream().flatMap(List::stream).toList());
            Arbitrary<List<String>> extra = Arbitraries.of(
                    List.<String>of(),
                    List.of("--frobnicate"),
                    List.of("-Z"),
                    List.of("no-such-revision"),
                    List.of("a", "b", "c"),
                    List.of("--", "--looks-like-an-option"));
            return Combinators.combine(fuzzed, extra).as((values, more) -> invocation(command, values, more));
        });
    }

    /** The command's words, the fuzzed options, hermetic defaults for what was not fuzzed, then extra words. */
    private static List<String> invocation(CommandSpec command, List<String> fuzzed, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(command.qualifiedName().split(" ")));
        args.remove(0);
        args.addAll(fuzzed);
        FIXTURE.hermeticDefaults(command).forEach((option, value) -> {
            boolean given = fuzzed.stream().anyMatch(word -> word.equals(option) || word.startsWith(option + "="));
            if (command.findOption(option) != null && !given) {
                args.add(option);
                args.add(value);
            }
        });
        args.addAll(extra);
        if (command.name().equals("run") && !extra.contains("--")) {
            args.addAll(List.of("--", "true"));
        }
        return args;
    }

    /** An option with its value as one word ({@code --out=DIR}) or two; a flag alone or with a value it refuses. */
    private static List<String> pass(OptionSpec option, String value, boolean attached) {
        if (option.arity().max() == 0) {
            return value.isEmpty() ? List.of(option.longestName()) : List.of(option.longestName() + "=" + value);
        }
        return attached ? List.of(option.longestName() + "=" + value) : List.of(option.longestName(), value);
    }

    private static Arbitrary<String> values(OptionSpec option) {
        if (option.arity().max() == 0) {
            return Arbitraries.of("", "maybe", "");
        }
        if (option.type() == Path.class) {
            boolean output = Set.of("--out", "-o", "--report-dir", "--dir").contains(option.longestName());
            return Arbitraries.of(output ? FIXTURE.outputPaths() : FIXTURE.inputPaths());
        }
        List<String> values = new ArrayList<>(BAD_VALUES);
        values.addAll(FIXTURE.inputPaths());
        return Arbitraries.of(values);
    }

    private static List<CommandSpec> leafCommands(CommandSpec spec) {
        List<CommandSpec> leaves = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec child = sub.getCommandSpec();
            if (child.subcommands().isEmpty()) {
                if (!child.name().equals("help") && !leaves.contains(child)) {
                    leaves.add(child);
                }
            } else {
                leafCommands(child).stream().filter(c -> !leaves.contains(c)).forEach(leaves::add);
            }
        }
        return leaves;
    }

    private static String shorten(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    /** Files and directories the inputs name, made once in a temporary directory. */
    private static final class Fixture {
        private final Path root;
        private final Path repository;

        Fixture() {
            try {
                root = Files.createTempDirectory("gpu-train-error-rule");
                repository = Files.createDirectories(root.resolve("repo"));
                Files.writeString(repository.resolve("dvc.yaml"), "metrics:\n- m.json\nplots:\n- loss.csv\n");
                Files.writeString(repository.resolve("m.json"), "{\"acc\": 0.5}");
                Files.writeString(repository.resolve("loss.csv"), "step,loss\n0,1\n1,inf\n2,nan\n");
                MainCommit.of(repository);
                Files.writeString(repository.resolve("m.json"), "{\"acc\": Infinity, \"loss\": [1, {}]}");
                Files.writeString(root.resolve("empty"), "");
                Files.write(root.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
                Files.writeString(root.resolve("malformed.yaml"), "a: [\n  b: {\n");
                Files.writeString(root.resolve("list.yaml"), "- one\n- two\n");
                Files.writeString(root.resolve("not-json.json"), "{\"m.json\": ");
                Files.writeString(
                        root.resolve("kubeconfig-no-context"),
                        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {}\ncontexts: []\n",
                        StandardCharsets.UTF_8);
                Files.writeString(root.resolve("plain-file"), "x");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Values for options that name files or directories to read. */
        List<String> inputPaths() {
            List<String> paths = new ArrayList<>(outputPaths());
            paths.add(root.resolve("missing").toString());
            paths.add(root.resolve("empty").toString());
            paths.add(root.resolve("malformed.yaml").toString());
            paths.add(root.resolve("list.yaml").toString());
            paths.add(root.resolve("not-json.json").toString());
            paths.add(root.resolve("kubeconfig-no-context").toString());
            paths.add(root.toString());
            if (Files.isReadable(Path.of("/dev/zero"))) {
                paths.add("/dev/zero"); // endless, and its size is 0: read only up to each option's limit
            }
            return paths;
        }

        /** Values for options that name where to write: none may create anything outside the fixture. */
        List<String> outputPaths() {
            return List.of(
                    root.resolve("binary").toString(),
                    root.resolve("plain-file").resolve("below-a-file").toString(),
                    repository.toString());
        }

        /**
         * Values for options that were not fuzzed: the repository for {@code -C}, an unusable kubeconfig (no context),
         * and a non-empty directory for the demo (so it stops before creating anything).
         */
        Map<String, String> hermeticDefaults(CommandSpec command) {
            return Map.of(
                    "-C", repository.toString(),
                    "--kubeconfig", root.resolve("kubeconfig-no-context").toString(),
                    "--dir", repository.toString(),
                    "--out", root.resolve("out-" + command.name()).toString());
        }
    }
}
