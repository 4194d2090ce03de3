package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.DiffOutcome;
import io.jenkins.plugins.gputrain.core.dvc.DvcDiff;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffTable;
import io.jenkins.plugins.gputrain.core.dvc.render.DvcJsonAdapter;
import io.jenkins.plugins.gputrain.core.dvc.render.PythonJson;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code metrics diff} and {@code params diff} share: revisions, targets, output format, {@code --from-json}. */
abstract class DiffCommand implements Callable<Integer> {
    private static final int MAX_JSON_BYTES = 64 * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryOption repository;

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "HEAD",
            paramLabel = "A_REV",
            description = "Old revision (default: ${DEFAULT-VALUE}).")
    String oldRevision;

    @Parameters(
            index = "1",
            arity = "0..1",
            defaultValue = DvcRepository.WORKSPACE,
            paramLabel = "B_REV",
            description = "New revision (default: ${DEFAULT-VALUE}).")
    String newRevision;

    @Option(
            names = "--targets",
            arity = "1..*",
            paramLabel = "PATH",
            description = "Only these files (put revisions after --).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--all", description = "Also list unchanged values.")
    boolean all;

    @Option(names = "--no-path", description = "Leave the Path column out.")
    boolean noPath;

    @Option(
            names = "--from-json",
            paramLabel = "FILE",
            description = "Render what 'dvc … diff --json' printed (- for standard input) instead of reading the"
                    + " repository; the revisions then only name the columns.")
    String fromJson;

    @ArgGroup(exclusive = true)
    OutputFormat format = new OutputFormat();

    /** {@code --json} or {@code --md}. */
    static final class OutputFormat {
        @Option(names = "--json", description = "Print DVC's JSON (one line, unrounded).")
        boolean json;

        @Option(
                names = {"--md", "--show-md"},
                description = "Print a GitHub Markdown table.")
        boolean markdown;
    }

    abstract DiffKind kind();

    abstract DiffOutcome diff(DvcDiff diff) throws UnknownRevisionException, IOException;

    /** Decimal places for metric floats, or {@code null}. */
    Integer precision() {
        return null;
    }

    @Override
    public Integer call() throws CommandFailure {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<FileDifferences> files;
        if (fromJson != null) {
            try {
                files = new DvcJsonAdapter().diff(readJson());
            } catch (UnreadableFileException e) {
                throw new CommandFailure("--from-json '" + fromJson + "': " + e.getMessage(), e);
            }
        } else {
            String what = kind().name().toLowerCase(java.util.Locale.ROOT);
            DiffOutcome outcome;
            try (DvcRepository repo = repository.open()) {
                DvcDiff diff = new DvcDiff(repo);
                try {
                    outcome = diff(diff);
                } catch (UnknownRevisionException e) {
                    ProjectWarnings.failedRevisions(what, diff.loadedBeforeResolving(targets))
                            .forEach(err::println);
                    err.flush();
                    throw new CommandFailure(e.getMessage(), e);
                }
                ProjectWarnings.emptyDvcYaml(repo).ifPresent(err::println);
            } catch (IOException e) {
                throw new CommandFailure(
                        "cannot read the repository at " + repository.directory + ": " + FileProblem.reason(e), e);
            }
            ProjectWarnings.failedRevisions(what, outcome.loaded()).forEach(err::println);
            outcome.warning(what).ifPresent(err::println);
            files = outcome.files();
        }
        out.print(render(files));
        out.flush();
        return 0;
    }

    private String render(List<FileDifferences> files) {
        if (format.json) {
            return PythonJson.diff(files) + "\n";
        }
        TableFormat layout = format.markdown ? TableFormat.MARKDOWN : TableFormat.PLAIN;
        return layout.render(DiffTable.of(files, kind(), oldRevision, newRevision, !noPath, precision(), layout));
    }

    private String readJson() throws CommandFailure {
        String expected = " (expected the JSON file 'dvc … diff --json' printed, at most " + MAX_JSON_BYTES
                + " bytes; - reads standard input)";
        try {
            return fromJson.equals("-")
                    ? BoundedFile.read(System.in, MAX_JSON_BYTES)
                    : BoundedFile.readRegular(Path.of(fromJson), MAX_JSON_BYTES);
        } catch (BoundedFile.Refused e) {
            throw new CommandFailure("--from-json '" + fromJson + "': " + e.getMessage() + expected, e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CommandFailure("--from-json '" + fromJson + "': not UTF-8 text" + expected, e);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new CommandFailure(
                    "--from-json '" + fromJson + "': "
                            + (e instanceof IOException io ? FileProblem.reason(io) : "not a valid path"),
                    e);
        }
    }
}
