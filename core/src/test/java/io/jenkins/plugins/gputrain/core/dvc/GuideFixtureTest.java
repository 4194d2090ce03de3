package io.jenkins.plugins.gputrain.core.dvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.gputrain.core.dvc.diff.Difference;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffKind;
import io.jenkins.plugins.gputrain.core.dvc.render.DiffTable;
import io.jenkins.plugins.gputrain.core.dvc.render.TableFormat;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's projects, main against workspace, give the tables in the fixtures' {@code expected/} files. */
class GuideFixtureTest {
    private static final long LIMIT = 64L * 1024 * 1024;

    @TempDir
    Path repository;

    @Test
    void celestialBodiesParamsTableIsTheReportsOne() throws Exception {
        try (DvcRepository repo = celestialBodies()) {
            DiffOutcome outcome = new DvcDiff(repo).params("main", "workspace", List.of(), false, false);

            String table = TableFormat.MARKDOWN.render(DiffTable.of(
                    outcome.files(), DiffKind.PARAMS, "main", "workspace", true, null, TableFormat.MARKDOWN));
            List<String> report = FixtureRepository.expected("celestial-bodies", "report.md");
            assertThat(table).isEqualTo(String.join("\n", report.subList(2, 7)) + "\n\n");
            assertThat(outcome.warning("params")).isEmpty();
        }
    }

    @Test
    void celestialBodiesMetricsComeFromTheCacheForMainAndMatchTheReport() throws Exception {
        try (DvcRepository repo = celestialBodies()) {
            DiffOutcome outcome = new DvcDiff(repo).metrics("main", "workspace", List.of(), false);

            assertThat(outcome.warning("metrics")).isEmpty();
            assertMatchesReport(
                    outcome.files(),
                    FixtureRepository.expected("celestial-bodies", "report.md").subList(10, 15));
        }
    }

    @Test
    void missingCacheObjectIsAFileErrorAndTheDiffGoesOn() throws Exception {
        try (DvcRepository repo = celestialBodies()) {
            try (var cache = Files.walk(repository.resolve(".dvc/cache"))) {
                for (Path file : cache.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
            DiffOutcome outcome = new DvcDiff(repo).metrics("main", "workspace", List.of(), false);

            assertThat(outcome.warning("metrics"))
                    .contains("DVC failed to load some metrics for following revisions: 'main'.");
            assertThat(outcome.files().get(0).differences())
                    .extracting(Difference::old)
                    .containsOnly(Value.None.NONE);
            assertThat(outcome.revisions()
                            .get(0)
                            .files()
                            .get("evaluation/metrics.json")
                            .toString())
                    .contains("FileNotFoundError");
        }
    }

    @Test
    void sklearnParamsArePrintedAsInTheGuide() throws Exception {
        Path work = FixtureRepository.create("sklearn-2023", repository, Set.of());
        try (DvcRepository repo = DvcRepository.open(work, LIMIT)) {
            DiffOutcome outcome = new DvcDiff(repo).params("HEAD", "workspace", List.of(), false, false);

            String plain = TableFormat.PLAIN.render(
                    DiffTable.of(outcome.files(), DiffKind.PARAMS, "HEAD", "workspace", true, null, TableFormat.PLAIN));
            assertThat(plain)
                    .isEqualTo(
                            String.join(
                                            "\n",
                                            FixtureRepository.expected("sklearn-2023", "dvc-diff.txt")
                                                    .subList(2, 5)) + "\n");
        }
    }

    @Test
    void sklearnMetricsMatchTheGuideWithinRounding() throws Exception {
        Path work = FixtureRepository.create("sklearn-2023", repository, Set.of());
        try (DvcRepository repo = DvcRepository.open(work, LIMIT)) {
            DiffOutcome outcome = new DvcDiff(repo).metrics("HEAD", "workspace", List.of(), false);

            List<String> guide =
                    FixtureRepository.expected("sklearn-2023", "dvc-diff.txt").subList(8, 10);
            assertMatchesPlain(outcome.files(), guide);
        }
    }

    @Test
    void sameCommitGivesNothingAndUnknownRevisionFails() throws Exception {
        try (DvcRepository repo = celestialBodies()) {
            assertThat(new DvcDiff(repo)
                            .metrics("main", "HEAD", List.of(), false)
                            .files())
                    .isEmpty();
            assertThatThrownBy(() -> new DvcDiff(repo).metrics("nope", "workspace", List.of(), false))
                    .isInstanceOf(UnknownRevisionException.class)
                    .hasMessage("unknown Git revision 'nope'");
        }
    }

    @Test
    void vendoredFixtureIsTheSharedOne() throws IOException {
        Path shared = Path.of("../../shared/mlops-guide-fixture");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "no shared fixture beside the repo");
        try (var files = Files.walk(shared)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path vendored = FixtureRepository.FIXTURES.resolve(
                        shared.relativize(file).toString());
                assertThat(vendored).as("vendored copy of %s", file).hasSameBinaryContentAs(file);
            }
        }
    }

    private DvcRepository celestialBodies() throws IOException {
        Path work = FixtureRepository.create("celestial-bodies", repository, Set.of("evaluation/metrics.json"));
        return DvcRepository.open(work, LIMIT);
    }

    /** Rows {@code | path | key | old | new | change |}: old and new exact, Change within the fixture's rounding. */
    private static void assertMatchesReport(List<FileDifferences> files, List<String> rows) {
        List<String[]> cells = rows.stream()
                .map(r -> r.replaceAll("^\\| | \\|$", "").split("\\s*\\|\\s*"))
                .toList();
        assertMatches(files, cells);
    }

    private static void assertMatchesPlain(List<FileDifferences> files, List<String> rows) {
        assertMatches(files, rows.stream().map(r -> r.trim().split("\\s{2,}")).toList());
    }

    private static void assertMatches(List<FileDifferences> files, List<String[]> expected) {
        assertThat(files).hasSize(1);
        List<Difference> differences = files.get(0).differences();
        assertThat(differences).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] row = expected.get(i);
            Difference difference = differences.get(i);
            assertThat(files.get(0).path()).isEqualTo(row[0].trim());
            assertThat(difference.key()).isEqualTo(row[1].trim());
            assertThat(((Value.Float) difference.old()).value()).isCloseTo(Double.parseDouble(row[2]), within(5e-6));
            assertThat(((Value.Float) difference.current()).value())
                    .isCloseTo(Double.parseDouble(row[3]), within(5e-6));
            assertThat(((Value.Float) difference.change()).value()).isCloseTo(Double.parseDouble(row[4]), within(2e-5));
        }
    }
}
