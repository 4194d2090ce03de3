package io.jenkins.plugins.gputrain.core.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.format.ReadLimits;
import io.jenkins.plugins.gputrain.core.dvc.plots.PlotsDiff;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The nesting depth, entry and file size limits are the same for a JSON, YAML and TOML metrics, params and plots
 * file: a file at a limit is read on both revisions, one a step past it is that file's error on both revisions (the
 * other files still read), with the message of the limit it is past, whether the revision's tree or the DVC cache
 * holds the file. Small limits keep the files small; the default depth is checked too ({@code ReadLimitsTest} checks
 * each reader's at its limits).
 */
class FileLimitsOnBothRevisionsTest {
    /** A format: how it writes a mapping with some scalar entries, a nested chain and the plot rows. */
    enum Format {
        JSON(
                "json",
                "\"%s\": %s",
                "[{\"a\": 1, \"b\": %d}]",
                "maximum recursion depth exceeded while decoding a JSON object from a unicode string"),
        YAML("yaml", "%s: %s", "[{a: 1, b: %d}]", "maximum recursion depth exceeded"),
        /** The top-level table's entries are lines; what nests below it is inline. */
        TOML("toml", "%s = %s", "[{a = 1, b = %d}]", "unable to read: 'f.toml', TOML file structure is corrupted");

        final String suffix;
        /** DVC's message for a file nested too deep. */
        final String depthError;

        private final String entry;
        private final String rows;

        Format(String suffix, String entry, String rows, String depthError) {
            this.suffix = suffix;
            this.entry = entry;
            this.rows = rows;
            this.depthError = depthError;
        }

        /** A document {@code depth} deep: mappings under {@code a}, the innermost holding the rows (2 levels). */
        String nested(int depth, int b) {
            String value = rows.formatted(b);
            for (int level = depth - 2; level > 1; level--) {
                value = "{" + entry.formatted("a", value) + "}";
            }
            return topLevel(List.of(entry.formatted("a", value)));
        }

        /** A top-level mapping of {@code entries} entries: the rows and scalar entries {@code k1 …}. */
        String wide(int entries, int b) {
            return topLevel(Stream.concat(
                            Stream.of(entry.formatted("rows", rows.formatted(b))),
                            Stream.iterate(1, i -> i + 1).limit(entries - 1).map(i -> entry.formatted("k" + i, i)))
                    .toList());
        }

        private String topLevel(List<String> entries) {
            return this == TOML ? String.join("\n", entries) + "\n" : "{" + String.join(", ", entries) + "}\n";
        }
    }

    /** What reads the file. */
    enum Kind {
        METRICS,
        PARAMS,
        PLOTS
    }

    private static final int DEPTH = 6;
    private static final int ENTRIES = 8;
    /** Blank lines that make a cached file larger than the {@code dvc.yaml} and {@code dvc.lock} beside it. */
    private static final int PADDING = 400;

    @TempDir
    Path root;

    @TempDir
    Path out;

    static Stream<Arguments> formatsAndKinds() {
        return Stream.of(Format.values())
                .flatMap(format -> Stream.of(Kind.values()).map(kind -> Arguments.of(format, kind)));
    }

    /** Each format and kind with the small limits and with the default ones (the depth DVC's TOML reader has). */
    static Stream<Arguments> formatsKindsAndDepthLimits() {
        return formatsAndKinds().flatMap(arguments -> Stream.of(limits(Long.MAX_VALUE), ReadLimits.DEFAULT)
                .map(limits -> Arguments.of(arguments.get()[0], arguments.get()[1], limits)));
    }

    @ParameterizedTest
    @MethodSource("formatsKindsAndDepthLimits")
    void theDepthLimitIsTheSame(Format format, Kind kind, ReadLimits limits) throws Exception {
        int depth = limits.maxDepth();
        assertThat(failures(format, kind, b -> format.nested(depth, b), limits)).isEmpty();
        assertTheFilesErrorOnBothRevisions(
                failures(format, kind, b -> format.nested(depth + 1, b), limits),
                message -> assertThat(message).isEqualTo(format.depthError));
    }

    @ParameterizedTest
    @MethodSource("formatsAndKinds")
    void theEntryLimitIsTheSame(Format format, Kind kind) throws Exception {
        assertThat(failures(format, kind, b -> format.wide(ENTRIES, b), limits(Long.MAX_VALUE)))
                .isEmpty();
        assertTheFilesErrorOnBothRevisions(
                failures(format, kind, b -> format.wide(ENTRIES + 1, b), limits(Long.MAX_VALUE)),
                message -> assertThat(message)
                        .isEqualTo("unable to read: 'f." + format.suffix + "', a mapping or list has more than "
                                + ENTRIES + " entries"));
    }

    @ParameterizedTest
    @MethodSource("formatsAndKinds")
    void theSizeLimitIsTheSame(Format format, Kind kind) throws Exception {
        long size = format.wide(ENTRIES, 1).getBytes(StandardCharsets.UTF_8).length;
        assertThat(failures(format, kind, b -> format.wide(ENTRIES, b), limits(size)))
                .isEmpty();
        assertTheFilesErrorOnBothRevisions(
                failures(format, kind, b -> format.wide(ENTRIES, b), limits(size - 1)), message -> assertThat(message)
                        .contains("'f." + format.suffix + "'")
                        .contains("larger than " + (size - 1) + " bytes"));
    }

    static Stream<Arguments> formatsAndOutputKinds() {
        return formatsAndKinds().filter(arguments -> arguments.get()[1] != Kind.PARAMS);
    }

    /** A stage's metrics or plots output, over the limit on both revisions: in the cache on one, not in Git. */
    @ParameterizedTest
    @MethodSource("formatsAndOutputKinds")
    void aCachedFileOverTheSizeLimitIsNamedAsInTheWorkspace(Format format, Kind kind) throws Exception {
        Document padded = b -> format.wide(ENTRIES, b) + "\n".repeat(PADDING);
        long size = padded.with(1).getBytes(StandardCharsets.UTF_8).length;
        assertThat(failures(format, kind, padded, limits(size), true)).isEmpty();
        Map<String, String> failures = failures(format, kind, padded, limits(size - 1), true);
        assertTheFilesErrorOnBothRevisions(failures, message -> assertThat(message)
                .isEqualTo(failures.get(DvcRepository.WORKSPACE))
                .contains("'f." + format.suffix + "' is larger than " + (size - 1) + " bytes"));
    }

    /** The file's error, on both revisions and only there. */
    private static void assertTheFilesErrorOnBothRevisions(Map<String, String> failures, Consumer<String> message) {
        assertThat(failures)
                .containsOnlyKeys("HEAD", DvcRepository.WORKSPACE)
                .allSatisfy((revision, text) -> message.accept(text));
    }

    /** A document with {@code b} as the second row's value. */
    private interface Document {
        String with(int b);
    }

    private static ReadLimits limits(long maxBytes) {
        return new ReadLimits(maxBytes, DEPTH, ENTRIES);
    }

    private Map<String, String> failures(Format format, Kind kind, Document document, ReadLimits limits)
            throws Exception {
        return failures(format, kind, document, limits, false);
    }

    /**
     * Commits the file (and a small file of each kind beside it, which must stay readable) on {@code HEAD}, changes
     * it in the workspace, reads both revisions and returns the file's error per revision. A {@code cached} file is
     * a stage's output: {@code HEAD} holds its {@code dvc.lock} hash and the DVC cache its content, Git ignores it.
     */
    private Map<String, String> failures(Format format, Kind kind, Document document, ReadLimits limits, boolean cached)
            throws Exception {
        String file = "f." + format.suffix;
        String small = "small." + format.suffix;
        String listed = "- " + file + "\n- " + small + "\n";
        String plots = "- " + file + ":\n    x: a\n    y: b\n- " + small + ":\n    x: a\n    y: b\n";
        String section =
                switch (kind) {
                    case METRICS -> "metrics:\n" + listed;
                    case PARAMS -> "params:\n" + listed;
                    case PLOTS -> "plots:\n" + plots;
                };
        byte[] committed = document.with(2).getBytes(StandardCharsets.UTF_8);
        if (cached) {
            String md5 =
                    HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(committed));
            Path object = root.resolve(".dvc/cache/files/md5/" + md5.substring(0, 2) + "/" + md5.substring(2));
            Files.createDirectories(object.getParent());
            Files.write(object, committed);
            Files.writeString(root.resolve(".gitignore"), "/" + file + "\n/.dvc/cache\n");
            Files.writeString(root.resolve("dvc.yaml"), "stages:\n  train:\n    cmd: echo\n" + section.indent(4));
            Files.writeString(
                    root.resolve("dvc.lock"),
                    "schema: '2.0'\nstages:\n  train:\n    cmd: echo\n    outs:\n    - path: " + file
                            + "\n      hash: md5\n      md5: " + md5 + "\n");
        } else {
            Files.writeString(root.resolve("dvc.yaml"), section);
        }
        Files.write(root.resolve(file), committed);
        Files.writeString(root.resolve(small), format.wide(2, 2));
        MainCommit.of(root);
        Files.writeString(root.resolve(file), document.with(3));
        try (DvcRepository repository = DvcRepository.open(root, limits)) {
            if (kind == Kind.PLOTS) {
                PlotsDiff.Result result = new PlotsDiff(repository)
                        .write(List.of("HEAD", DvcRepository.WORKSPACE), Files.createTempDirectory(out, "plots"));
                return result.errors().stream()
                        .collect(Collectors.toMap(
                                error -> error.substring(0, error.indexOf(": ")),
                                error -> error.substring(error.indexOf(": ") + 2),
                                (first, second) -> first + " and " + second));
            }
            DvcDiff diff = new DvcDiff(repository);
            DiffOutcome outcome = kind == Kind.METRICS
                    ? diff.metrics("HEAD", DvcRepository.WORKSPACE, List.of(), false)
                    : diff.params("HEAD", DvcRepository.WORKSPACE, List.of(), false, false);
            return outcome.revisions().stream()
                    .filter(revision -> revision.files().get(file) instanceof FileResult.Failure)
                    .peek(revision -> assertThat(revision.files().get(small))
                            .as(small + " on " + revision.name())
                            .isInstanceOf(FileResult.Data.class))
                    .collect(Collectors.toMap(
                            revision -> revision.name(),
                            revision -> ((FileResult.Failure) revision.files().get(file)).message()));
        }
    }
}
