package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.DiffOutcome;
import io.jenkins.plugins.gputrain.core.dvc.DvcDiff;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same depth, entry and size limits for JSON, YAML and TOML, and the error DVC gives for each. */
class ReadLimitsTest {
    /** A format and how it writes nested and wide documents. */
    enum Format {
        JSON("m.json", "RecursionError", "{\"a\": ") {
            @Override
            String wide(int entries, boolean lists) {
                StringBuilder text = new StringBuilder(lists ? "[" : "{");
                for (int i = 0; i < entries; i++) {
                    text.append(i == 0 ? "" : ", ")
                            .append(lists ? "" : "\"k" + i + "\": ")
                            .append(i);
                }
                return text.append(lists ? "]" : "}").toString();
            }
        },
        YAML_FLOW("m.yaml", "RecursionError", "{a: ") {
            @Override
            String wide(int entries, boolean lists) {
                return JSON.wide(entries, lists);
            }
        },
        YAML_BLOCK("m.yaml", "RecursionError", null) {
            @Override
            String nested(int depth, boolean lists) {
                StringBuilder text = new StringBuilder();
                for (int level = 0; level < depth; level++) {
                    text.append("  ".repeat(level)).append(lists ? "-\n" : "a:\n");
                }
                return text.append("  ".repeat(depth)).append("1\n").toString();
            }

            @Override
            String wide(int entries, boolean lists) {
                StringBuilder text = new StringBuilder(entries == 0 ? (lists ? "[]" : "{}") : "");
                for (int i = 0; i < entries; i++) {
                    text.append(lists ? "- " : "k" + i + ": ").append(i).append('\n');
                }
                return text.toString();
            }
        },
        /** The top-level table is the first level; the rest are inline tables or arrays under {@code x}. */
        TOML("m.toml", "TOMLFileCorruptedError", "{a = ") {
            @Override
            String nested(int depth, boolean lists) {
                return "x = " + super.nested(depth - 1, lists) + "\n";
            }

            @Override
            String wide(int entries, boolean lists) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < entries; i++) {
                    text.append("k").append(i).append(" = ").append(i).append('\n');
                }
                return lists
                        ? "x = [" + String.join(", ", java.util.Collections.nCopies(entries, "1")) + "]\n"
                        : text.toString();
            }
        };

        final String file;
        final String depthError;
        /** What opens a flow mapping with the key {@code a}. */
        private final String mappingOpen;

        Format(String file, String depthError, String mappingOpen) {
            this.file = file;
            this.depthError = depthError;
            this.mappingOpen = mappingOpen;
        }

        /** A document whose mappings (or lists) nest {@code depth} deep, the top-level one included. */
        String nested(int depth, boolean lists) {
            return (lists ? "[" : mappingOpen).repeat(depth) + "1" + (lists ? "]" : "}").repeat(depth);
        }

        /**
         * A document with one mapping (or list) of {@code entries} entries, nested at most 2 deep (TOML's list is the
         * only entry of the top-level table).
         */
        abstract String wide(int entries, boolean lists);
    }

    @Property(tries = 400)
    void everyFormatReadsUpToTheDepthLimitAndRefusesDeeper(
            @ForAll Format format,
            @ForAll boolean lists,
            @ForAll @IntRange(min = 2, max = 12) int maxDepth,
            @ForAll @IntRange(min = 1, max = 15) int depth) {
        if (format == Format.TOML && lists && depth == 1) {
            return; // a TOML document is always a table
        }
        DataFileReader reader = new DataFileReader(new ReadLimits(1 << 20, maxDepth, 100));
        byte[] content = format.nested(depth, lists).getBytes(StandardCharsets.UTF_8);
        if (depth <= maxDepth) {
            assertThat(depthOf(read(reader, format.file, content))).isEqualTo(depth);
        } else {
            assertThatThrownBy(() -> reader.read(format.file, content))
                    .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.type())
                            .isEqualTo(format.depthError));
        }
    }

    @Property(tries = 400)
    void everyFormatReadsUpToTheEntryLimitAndRefusesMore(
            @ForAll Format format,
            @ForAll boolean lists,
            @ForAll @IntRange(min = 1, max = 10) int maxEntries,
            @ForAll @IntRange(min = 0, max = 14) int entries) {
        DataFileReader reader = new DataFileReader(new ReadLimits(1 << 20, 10, maxEntries));
        byte[] content = format.wide(entries, lists).getBytes(StandardCharsets.UTF_8);
        if (entries <= maxEntries) {
            assertThat(read(reader, format.file, content)).isNotNull();
        } else {
            assertThatThrownBy(() -> reader.read(format.file, content))
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessage("unable to read: '" + format.file + "', a mapping or list has more than " + maxEntries
                            + " entries")
                    .extracting(e -> ((UnreadableFileException) e).type())
                    .isEqualTo("FileTooLargeError");
        }
    }

    @Property(tries = 200)
    void everyFormatIsRefusedOverTheSizeLimit(@ForAll Format format, @ForAll @IntRange(min = 1, max = 60) int size) {
        byte[] content = format.wide(5, false).getBytes(StandardCharsets.UTF_8);
        DataFileReader reader = new DataFileReader(new ReadLimits(size, 10, 100));
        if (content.length <= size) {
            assertThat(read(reader, format.file, content)).isNotNull();
        } else {
            assertThatThrownBy(() -> reader.read(format.file, content))
                    .hasMessage("unable to read: '" + format.file + "', file is larger than " + size + " bytes");
        }
    }

    /** The default depth is where DVC 3.67.1's TOML loader stops (x = 100 inline tables deep reads, 101 does not). */
    @ParameterizedTest
    @EnumSource(Format.class)
    void theDefaultDepthLimitIsTheSameForEveryFormat(Format format) throws Exception {
        DataFileReader reader = new DataFileReader();
        assertThat(depthOf(reader.read(
                        format.file,
                        format.nested(ReadLimits.DEFAULT_MAX_DEPTH, false).getBytes())))
                .isEqualTo(101);
        assertThatThrownBy(
                        () -> reader.read(format.file, format.nested(102, false).getBytes()))
                .isInstanceOfSatisfying(
                        UnreadableFileException.class, e -> assertThat(e.type()).isEqualTo(format.depthError));
    }

    /** Far past the limit (block YAML less far: its indentation grows with depth), the read stops at the limit. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void aFileFarTooDeepIsTheFilesErrorNotAStackOverflow(Format format) {
        byte[] content = format.nested(format == Format.YAML_BLOCK ? 2_000 : 100_000, true)
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new DataFileReader().read(format.file, content))
                .isInstanceOfSatisfying(
                        UnreadableFileException.class, e -> assertThat(e.type()).isEqualTo(format.depthError));
    }

    @Test
    void aTooDeepMetricsFileIsUnreadableOnBothRevisions(@TempDir Path root) throws Exception {
        String deep = Format.YAML_FLOW.nested(1000, false);
        try (Git git = Git.init().setDirectory(root.toFile()).call()) {
            Files.writeString(root.resolve("dvc.yaml"), "metrics:\n- m.yaml\n");
            Files.writeString(root.resolve("m.yaml"), deep);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("deep").setSign(false).call();
        }
        Files.writeString(root.resolve("m.yaml"), deep.replace("1}", "2}"));
        try (DvcRepository repository = DvcRepository.open(root, 1 << 20)) {
            DiffOutcome outcome = new DvcDiff(repository).metrics("HEAD", DvcRepository.WORKSPACE, List.of(), false);
            assertThat(outcome.failedRevisions()).containsExactlyInAnyOrder("HEAD", DvcRepository.WORKSPACE);
            assertThat(outcome.warning("metrics"))
                    .hasValue("DVC failed to load some metrics for following revisions: 'HEAD, workspace'.");
        }
    }

    private static Value read(DataFileReader reader, String file, byte[] content) {
        try {
            return reader.read(file, content);
        } catch (UnreadableFileException e) {
            throw new AssertionError(file + ": " + e.type() + ": " + e.getMessage(), e);
        }
    }

    private static int depthOf(Value value) {
        if (value instanceof Value.Dict dict) {
            return 1
                    + dict.entries().values().stream()
                            .mapToInt(ReadLimitsTest::depthOf)
                            .max()
                            .orElse(0);
        }
        if (value instanceof Value.Seq seq) {
            return 1
                    + seq.items().stream()
                            .mapToInt(ReadLimitsTest::depthOf)
                            .max()
                            .orElse(0);
        }
        return 0;
    }
}
