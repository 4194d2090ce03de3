package io.jenkins.plugins.gputrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
import io.jenkins.plugins.gputrain.core.dvc.RealDvcExtension;
import io.jenkins.plugins.gputrain.core.dvc.generated.DifferentialSeed;
import io.jenkins.plugins.gputrain.core.dvc.generated.RepositoryGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publishDvcMetrics(engine: 'dvc')}: the report made from what the real DVC prints ({@link DvcOutput}) is the
 * report of the built-in engine, on the guide fixtures and on generated repositories (baseline {@code main}).
 */
@ExtendWith(RealDvcExtension.class)
class DvcEngineReportTest {
    private static final int GENERATED = 12;

    @TempDir
    Path directory;

    @Test
    void guideFixtures(RealDvc dvc) throws Exception {
        for (String project : List.of("celestial-bodies", "sklearn-2023")) {
            Path workspace =
                    FixtureRepository.create(project, directory.resolve(project), Set.of("evaluation/metrics.json"));
            assertSameReport(dvc, workspace, project);
        }
    }

    @Test
    void generatedRepositories(RealDvc dvc) throws Exception {
        long seed = DifferentialSeed.current();
        System.out.println("DVC engine report: seed " + seed + ", " + GENERATED + " generated repositories");
        RepositoryGenerator generator = new RepositoryGenerator(seed);
        for (int index = 0; index < GENERATED; index++) {
            Path workspace =
                    generator.create(directory.resolve("repo-" + index), index).directory();
            assertSameReport(dvc, workspace, "seed " + seed + ", repo-" + index);
        }
    }

    private static void assertSameReport(RealDvc dvc, Path workspace, String name) throws IOException {
        DvcOutput output = new DvcOutput(
                json(dvc, workspace, DvcOutput.METRICS_DIFF),
                json(dvc, workspace, DvcOutput.PARAMS_DIFF),
                json(dvc, workspace, DvcOutput.METRICS_SHOW));

        PublishedReport builtin = WorkspaceReport.write(workspace, "main", "builtin", null);
        PublishedReport real = WorkspaceReport.write(workspace, "main", "dvc", output);

        assertThat(real.metrics()).as(name + ": metrics table").isEqualTo(builtin.metrics());
        assertThat(real.params().headers())
                .as(name + ": params table")
                .isEqualTo(builtin.params().headers());
        assertThat(real.params().rows())
                .as(name + ": params table rows")
                .hasSameSizeAs(builtin.params().rows());
        for (int row = 0; row < builtin.params().rows().size(); row++) {
            List<String> expected = builtin.params().rows().get(row);
            if (expected.stream().noneMatch(DvcEngineReportTest::beyondJson)) {
                assertThat(real.params().rows().get(row))
                        .as(name + ": params table row " + row)
                        .isEqualTo(expected);
            }
        }
        assertThat(real.currentValues()).as(name + ": current values").isEqualTo(builtin.currentValues());
        // DVC's diff JSON does not say which baseline files it could not read (only its warning on stderr does);
        // its messages are Python's exception text, so files and error types are compared.
        assertThat(withoutMessages(real.unreadableMetrics()))
                .as(name + ": unreadable workspace metrics")
                .isEqualTo(withoutMessages(builtin.unreadableMetrics().stream()
                        .filter(line -> line.startsWith("workspace: "))
                        .toList()));
        for (String file : List.of("metrics-diff.json", "params-diff.json")) {
            assertThat(read(workspace.resolve("dvc").resolve(file)))
                    .as(name + ": " + file)
                    .isEqualTo(read(workspace.resolve("builtin").resolve(file)));
        }
    }

    /** What DVC prints for a command; for the diffs, against {@code main} as the publisher asks. */
    private static String json(RealDvc dvc, Path workspace, List<String> command) throws IOException {
        List<String> args = new ArrayList<>(command.subList(1, command.size()));
        if (command.contains("diff")) {
            args.add("main");
        }
        RealDvc.Result result = dvc.run(workspace, args);
        assertThat(result.exitCode()).as("dvc " + String.join(" ", args)).isZero();
        return result.out();
    }

    /**
     * Whether a cell shows a Python value that DVC's {@code params diff --json} cannot carry as it is: a tuple (written
     * as an array) or a container holding bytes (the driver's {@code default=str} makes them strings, which the list
     * repr then quotes). The DVC engine shows these differently (documented in docs/dvc-reports.md).
     */
    private static boolean beyondJson(String cell) {
        return cell.startsWith("(")
                || (cell.startsWith("[") || cell.startsWith("{")) && (cell.contains("b'") || cell.contains("b\""));
    }

    /** {@code revision: path: Type}, without the message. */
    private static List<String> withoutMessages(List<String> details) {
        return details.stream()
                .map(line -> String.join(": ", List.of(line.split(": ", 4)).subList(0, 3)))
                .toList();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
