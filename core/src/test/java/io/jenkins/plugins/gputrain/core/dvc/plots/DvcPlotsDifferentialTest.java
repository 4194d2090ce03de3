package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
import io.jenkins.plugins.gputrain.core.dvc.RealDvcExtension;
import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.generated.DifferentialSeed;
import io.jenkins.plugins.gputrain.core.dvc.generated.PlotRepositoryGenerator;
import io.jenkins.plugins.gputrain.core.dvc.render.DvcJsonAdapter;
import io.jenkins.plugins.gputrain.core.dvc.render.DvcPlot;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What gpu-train draws for {@code plots diff main} against {@code dvc plots diff main --json}: per data plot its
 * title and, per revision, the x and y of every point DVC would draw; per image plot its revisions.
 */
@ExtendWith(RealDvcExtension.class)
class DvcPlotsDifferentialTest {
    private static final int GENERATED = 24;

    @TempDir
    Path directory;

    @Test
    void guideFixtures(RealDvc dvc) throws Exception {
        List<String> differences = new ArrayList<>();
        for (String project : List.of("celestial-bodies", "sklearn-2023")) {
            Path repository =
                    FixtureRepository.create(project, directory.resolve(project), Set.of("evaluation/metrics.json"));
            differences.addAll(compare(dvc, repository, project));
        }
        assertThat(differences).isEmpty();
    }

    /**
     * CSV/TSV files at the edges of Python's csv module as DVC reads them: short and long rows (first or later), an
     * empty first line, {@code header: false} in TSV (its fields counted in the first record a comma reader reads, a
     * quoted cell running past the first line), no rows, invalid UTF-8, a cell at and past the field size
     * limit, given fields the header lacks; compared with DVC's points and DVC's per-file errors.
     */
    @Test
    void delimitedFilesAtTheCsvModulesEdges(RealDvc dvc) throws Exception {
        Path repository = directory.resolve("delimited");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("short.csv", "step,loss,acc\n0,1\n1,3,4\n2\n");
        files.put("long-first.csv", "step,loss\n0,1,2,3\n1,3\n");
        files.put("long-later.csv", "step,loss\n0,1\n1,3,9\n");
        files.put("long-first-y.csv", "step,loss\n0,1,2\n1,3\n");
        files.put("blank-first.csv", "\nstep,loss\n0,1\n1,2\n");
        files.put("blank-first-crlf.csv", "\r\nstep,loss\r\n0,1\r\n");
        files.put("blank-first-y.csv", "\nstep,loss\n0,1\n");
        files.put("header-only.csv", "step,loss\n");
        files.put("no-header.tsv", "0\t1\t2\n1\t2\t3\n");
        files.put("no-header-commas.tsv", "0\t1,5\t2\n1\t2\t3\n");
        files.put("no-header-quoted.tsv", "a,\"b\nc\",d,e\n1\t2\n");
        files.put("missing-y.csv", "step,acc\n0,1\n");
        files.put("missing-x.csv", "epoch,loss\n0,1\n");
        files.put("limit.csv", "step,loss\n0," + "1".repeat(DelimitedRows.FIELD_SIZE_LIMIT) + "\n");
        files.put("past-limit.csv", "step,loss\n0," + "1".repeat(DelimitedRows.FIELD_SIZE_LIMIT + 1) + "\n");
        StringBuilder dvcYaml = new StringBuilder("stages:\n  train:\n    cmd: echo\n    plots:\n");
        for (String file : files.keySet()) {
            dvcYaml.append("      - ").append(file).append(":\n          cache: false\n");
            if (file.endsWith(".tsv")) {
                dvcYaml.append("          header: false\n");
            }
            if (file.endsWith("-y.csv") || file.startsWith("missing")) {
                dvcYaml.append("          x: step\n          y: loss\n");
            }
        }
        dvcYaml.append("      - bad.csv:\n          cache: false\n");
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        Files.writeString(repository.resolve("dvc.yaml"), dvcYaml);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(repository.resolve(file.getKey()), file.getValue());
        }
        Files.write(repository.resolve("bad.csv"), new byte[] {'s', ',', 'l', '\n', '0', ',', (byte) 0xFF, '\n'});
        MainCommit.of(repository);

        List<String> differences = compare(dvc, repository, "delimited");
        RealDvc.Result result = dvc.run(repository, List.of("plots", "diff", "main", "--json"));
        List<String> expectedErrors = new ArrayList<>();
        for (JsonNode error : new ObjectMapper().readTree(result.out()).path("errors")) {
            if (error.has("source")) { // an unreadable file; the others are DVC's warnings per definition
                expectedErrors.add(
                        error.get("rev").asText() + ": " + error.get("msg").asText());
            }
        }
        try (DvcRepository repo = DvcRepository.open(repository, DataFileReader.DEFAULT_MAX_BYTES)) {
            List<String> errors = new PlotsDiff(repo)
                    .write(List.of("main", DvcRepository.WORKSPACE), Files.createTempDirectory(repository, "out"))
                    .errors();
            if (!Set.copyOf(errors).equals(Set.copyOf(expectedErrors))) {
                differences.add("delimited: errors " + errors + ", DVC " + expectedErrors);
            }
        }
        assertThat(differences).isEmpty();
    }

    /**
     * JSON files of several lists without a {@code y}: DVC infers it from the first list of mappings' first row (a
     * list of data points or not), then looks for it in the merged rows ({@code FieldNotFoundError} where they lack
     * it); none from an empty first row, and the file draws nothing; YAML read whole (an anchor) and streamed.
     */
    @Test
    void yInferredFromTheFirstListOfMappings(RealDvc dvc) throws Exception {
        Path repository = directory.resolve("inferred");
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "merged.json",
                "{\"losss\": [{\"step\": 0, \"loss\": 1}, {\"step\": 1, \"loss\": 3}],"
                        + " \"accs\": [{\"step\": 0, \"acc\": 2}]}");
        files.put(
                "not-datapoints-first.json", "{\"a\": [{\"x\": 1}, {\"y\": 2}], \"b\": [{\"step\": 0, \"loss\": 1}]}");
        files.put("nested.json", "{\"m\": {\"l\": [{\"step\": 0, \"lr\": 5}]}, \"n\": [{\"step\": 0, \"acc\": 2}]}");
        files.put("streamed.yaml", "a: [1, 2]\nb:\n- {step: 0, x: 1}\n- {step: 1, y: 2}\nc:\n- {step: 0, loss: 4}\n");
        files.put("whole.yaml", "a: &a 1\nb:\n- {step: 0, lr: *a}\nc:\n- {step: 0, acc: 4}\n");
        files.put("empty-first.json", "{\"a\": [{}], \"b\": [{\"step\": 0, \"loss\": 1}]}");
        files.put("empty-first-not-datapoints.json", "{\"a\": [{}, {\"x\": 1}], \"b\": [{\"step\": 0, \"loss\": 1}]}");
        StringBuilder dvcYaml = new StringBuilder("plots:\n");
        for (String file : files.keySet()) {
            dvcYaml.append("  - ").append(file).append(":\n      x: step\n");
        }
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        Files.writeString(repository.resolve("dvc.yaml"), dvcYaml);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(repository.resolve(file.getKey()), file.getValue());
        }
        MainCommit.of(repository);

        assertThat(compare(dvc, repository, "inferred")).isEmpty();
    }

    /**
     * Top-level plots of several files, in the workspace: a file lacking a field named for it ({@code y}, or a string
     * {@code x}, which DVC names for every {@code y} file) or whose later row is longer than its first leaves out that
     * revision of the plot, every file of it; a file without data rows is left out alone; a {@code y} key that only
     * ends another file's path ({@code b.csv}, {@code ab.csv}) names that file's fields, not the other's.
     */
    @Test
    void aFileDvcCannotDrawLeavesOutItsRevisionOfThePlot(RealDvc dvc) throws Exception {
        Path repository = directory.resolve("revisions");
        Map<String, String> main = new LinkedHashMap<>();
        main.put("a.csv", "step,loss\n0,1\n1,2\n");
        for (String file : List.of("missing-y.csv", "long-later.csv", "no-rows.csv", "missing-x.csv", "b.csv")) {
            main.put(file, "step,loss\n0,3\n1,4\n");
        }
        main.put("ab.csv", "step,acc\n0,5\n1,6\n");
        String dvcYaml = String.join(
                "\n",
                "plots:",
                "  - missing-y: {x: step, y: {a.csv: loss, missing-y.csv: loss}}",
                "  - long-later: {x: step, y: {a.csv: loss, long-later.csv: loss}}",
                "  - no-rows: {x: step, y: {a.csv: loss, no-rows.csv: loss}}",
                "  - missing-x: {x: step, y: {a.csv: loss, missing-x.csv: loss}}",
                "  - suffix: {x: step, y: {b.csv: loss, ab.csv: acc}}",
                "");
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        Files.writeString(repository.resolve("dvc.yaml"), dvcYaml);
        for (Map.Entry<String, String> file : main.entrySet()) {
            Files.writeString(repository.resolve(file.getKey()), file.getValue());
        }
        MainCommit.of(repository);
        Files.writeString(repository.resolve("missing-y.csv"), "step,acc\n0,3\n");
        Files.writeString(repository.resolve("long-later.csv"), "step,loss\n0,3\n1,4,9\n");
        Files.writeString(repository.resolve("no-rows.csv"), "step,loss\n");
        Files.writeString(repository.resolve("missing-x.csv"), "epoch,loss\n0,3\n");

        assertThat(compare(dvc, repository, "revisions")).isEmpty();
    }

    /**
     * An {@code x} mapping naming other files than the {@code y} files: DVC's confusion-matrix pattern (actual from
     * one file, predicted from another), several x files paired with the y files in order (different x fields, or
     * one), one x file for several y files, an x file that is not a data source, a row of the x file without the
     * field (the y row keeps its own); joined by row index, and a revision
     * whose files differ in length, or whose x and y sources differ in number, left out with DVC's warning.
     */
    @Test
    void xFromOtherFilesJoinedByRowIndex(RealDvc dvc) throws Exception {
        Map<String, String> main = new LinkedHashMap<>();
        main.put("train.csv", "actual\n1\n0\n1\n");
        main.put("preds.csv", "predicted\n1\n1\n0\n");
        main.put("a.csv", "step,loss\n0,1\n1,2\n");
        main.put("b.csv", "epoch,loss\n5,3\n6,4\n");
        main.put("c.json", "[{\"loss\": 7}, {\"loss\": 8}]");
        main.put("d.csv", "step\n10\n");
        main.put("xs.json", "[{\"step\": 10}, {}]");
        String dvcYaml = String.join(
                "\n",
                "plots:",
                "  - cm: {template: confusion, x: {train.csv: actual}, y: {preds.csv: predicted}}",
                "  - pairs: {x: {a.csv: step, b.csv: epoch}, y: {a.csv: loss, b.csv: loss}}",
                "  - same-field: {x: {a.csv: step, b.csv: step}, y: {a.csv: loss, b.csv: loss}}",
                "  - one-x: {x: {a.csv: step}, y: {b.csv: loss, c.json: loss}}",
                "  - counts: {x: {a.csv: step, b.csv: epoch}, y: {a.csv: loss}}",
                "  - not-a-source: {x: {a.csv: step, d.csv: step}, y: {b.csv: loss, c.json: loss}}",
                "  - list-y: {x: {a.csv: step}, y: {b.csv: [epoch, loss]}}",
                "  - row-without-x: {x: {xs.json: step}, y: {a.csv: loss}}",
                "");
        Path repository = repository("joined", dvcYaml, main);
        Files.writeString(repository.resolve("preds.csv"), "predicted\n1\n1\n");
        Files.writeString(repository.resolve("c.json"), "[{\"loss\": 7}, {\"loss\": 8}, {\"loss\": 9}]");

        assertThat(compare(dvc, repository, "joined")).isEmpty();
    }

    /**
     * JSON/YAML/TOML plot files without data points: a falsy file (a top-level {@code []} or {@code {}}) has no data
     * and draws nothing, silently, also as the y file an x of another file is joined to (then DVC cannot join them);
     * an empty list is DVC's {@code AttributeError} for every plot reading the file, with a field or not; a file
     * without a list of data points ({@code {"acc": 0.9}}, a list of numbers, an empty mapping) is its
     * {@code TypeError} where a field is named for it, and draws nothing where none is.
     */
    @Test
    void filesWithoutDataPoints(RealDvc dvc) throws Exception {
        Map<String, String> main = new LinkedHashMap<>();
        main.put("empty-list.json", "{\"loss\": []}");
        main.put("scalar.json", "{\"acc\": 0.9}");
        main.put("scalar-alone.json", "{\"acc\": 0.9}");
        main.put("top-list.json", "[]");
        main.put("top-map.json", "{}");
        main.put("numbers.json", "[1, 2]");
        main.put("empty-map.yaml", "a: {}\n");
        main.put("empty-list.toml", "loss = []\n");
        main.put("scalar.toml", "acc = 0.9\n");
        main.put("a.csv", "step,loss\n0,1\n1,2\n");
        main.put("top-list-y.json", "[]");
        String dvcYaml = String.join(
                "\n",
                "plots:",
                "  - empty-list.json: {x: step}",
                "  - empty-list-free: {y: {empty-list.json: loss, a.csv: loss}}",
                "  - scalar.json: {x: step}",
                "  - scalar-alone.json",
                "  - top-list.json: {x: step}",
                "  - top-map.json: {y: loss}",
                "  - numbers.json: {y: acc}",
                "  - empty-map.yaml: {x: step}",
                "  - empty-list.toml",
                "  - scalar.toml: {y: acc}",
                "  - joined-to-nothing: {x: {a.csv: step}, y: {top-list-y.json: loss}}",
                "");
        Path repository = repository("no-datapoints", dvcYaml, main);
        Files.writeString(repository.resolve("scalar.json"), "[{\"step\": 0, \"acc\": 0.9}]");
        Files.writeString(repository.resolve("top-list.json"), "[{\"step\": 0, \"acc\": 0.9}]");

        assertThat(compare(dvc, repository, "no-datapoints")).isEmpty();
    }

    /**
     * Plot ids defined more than once: twice in one {@code dvc.yaml} (the last definition is the plot), in two
     * {@code dvc.yaml} files (one plot each, {@code <dvc.yaml>::<id>}), a top-level path that is also a stage output
     * (the stage output keeps the bare id), a file under a directory plot defined again (its own definition).
     */
    @Test
    void idsDefinedMoreThanOnce(RealDvc dvc) throws Exception {
        Map<String, String> main = new LinkedHashMap<>();
        main.put("a.csv", "step,loss\n0,1\n1,2\n");
        main.put("b.csv", "step,loss\n0,3\n1,4\n");
        main.put("sub/s.csv", "step,loss\n0,5\n");
        main.put("out.csv", "step,loss\n0,6\n");
        main.put("dir/one.csv", "step,acc\n0,7\n");
        main.put("dir/two.csv", "step,acc\n0,8\n");
        main.put("sub/dvc.yaml", "plots:\n  - shared: {y: {s.csv: loss}, title: Sub}\n  - s.csv\n");
        String dvcYaml = String.join(
                "\n",
                "plots:",
                "  - twice: {y: {a.csv: loss}, title: First}",
                "  - twice: {y: {b.csv: loss}, title: Last}",
                "  - shared: {y: {a.csv: loss}}",
                "  - sub/s.csv: {title: Root}",
                "  - out.csv: {title: Top}",
                "  - dir: {y: acc, title: Directory}",
                "  - dir/two.csv: {title: Own}",
                "stages:",
                "  train:",
                "    cmd: echo",
                "    plots:",
                "      - out.csv: {cache: false, title: Stage}",
                "");
        Path repository = repository("ids", dvcYaml, main);

        assertThat(compare(dvc, repository, "ids")).isEmpty();
    }

    /**
     * One file defined under two ids ({@code m.csv}, {@code ./m.csv}): the definitions merged as {@code dpath.merge}
     * merges them, {@code y} lists joined; a {@code plots:} entry with two keys is its first key only; the warnings of
     * a plot both revisions cannot draw come the workspace first, as DVC prints them.
     */
    @Test
    void definitionsMergedDeeplyFirstKeyOnlyWorkspaceWarningFirst(RealDvc dvc) throws Exception {
        Map<String, String> main = new LinkedHashMap<>();
        main.put("m.csv", "step,a,b\n0,1,2\n1,3,4\n");
        main.put("t.csv", "step,c\n0,5\n");
        main.put("x.csv", "actual\n1\n");
        main.put("y.csv", "predicted\n1\n0\n");
        String dvcYaml = String.join(
                "\n",
                "plots:",
                "  - m.csv: {y: [a], title: M}",
                "  - ./m.csv: {y: [b]}",
                "  - first.csv: {y: c}",
                "    t.csv: {y: c}",
                "  - cm: {x: {x.csv: actual}, y: {y.csv: predicted}}",
                "");
        main.put("first.csv", "step,c\n0,6\n");
        Path repository = repository("merged", dvcYaml, main);

        assertThat(compare(dvc, repository, "merged")).isEmpty();
        RealDvc.Result printed = dvc.run(repository, List.of("plots", "diff", "main", "-o", "dvc-out"));
        List<String> dvcOrder = printed.err()
                .lines()
                .filter(line -> line.startsWith("WARNING: In '"))
                .map(line -> line.substring("WARNING: ".length()))
                .toList();
        PlotsDiff.Result actual;
        try (DvcRepository repo = DvcRepository.open(repository, DataFileReader.DEFAULT_MAX_BYTES)) {
            actual = new PlotsDiff(repo)
                    .write(List.of("main", DvcRepository.WORKSPACE), Files.createTempDirectory(repository, "out"));
        }
        assertThat(dvcOrder).hasSize(2);
        assertThat(actual.notDrawn().stream()
                        .filter(line -> line.startsWith("In '"))
                        .toList())
                .isEqualTo(dvcOrder);
    }

    /**
     * A file's data sources inferred from its merged definition: an {@code x} file of an earlier definition of the same
     * file ({@code m.csv}, then {@code ./m.csv}; also of every file of a directory defined twice), and a free id that
     * is also a file's path merged with that file's definition (its {@code x} file and the earlier template kept).
     */
    @Test
    void sourcesInferredFromTheMergedDefinition(RealDvc dvc) throws Exception {
        Map<String, String> main = new LinkedHashMap<>();
        main.put("m.csv", "predicted\n1\n0\n1\n");
        main.put("xs.csv", "actual\n1\n1\n0\n");
        main.put("n.csv", "step,predicted\n0,1\n1,0\n");
        main.put("nx.csv", "actual\n0\n0\n");
        main.put("d/one.csv", "step,loss\n0,1\n1,2\n");
        main.put("d/two.csv", "step,loss\n0,3\n1,4\n");
        main.put("dx.csv", "epoch\n5\n6\n");
        String dvcYaml = String.join(
                "\n",
                "plots:",
                "  - m.csv: {x: {xs.csv: actual}, template: confusion}",
                "  - ./m.csv: {y: predicted}",
                "  - ./n.csv: {template: confusion}",
                "  - n.csv: {x: {nx.csv: actual}, y: {n.csv: predicted}}",
                "  - d: {x: {dx.csv: epoch}}",
                "  - ./d: {y: loss}",
                "");
        Path repository = repository("merged-sources", dvcYaml, main);
        Files.writeString(repository.resolve("xs.csv"), "actual\n0\n1\n0\n");

        assertThat(compare(dvc, repository, "merged-sources")).isEmpty();
    }

    /**
     * A directory plot draws the files DVC lists below it: not those DVC ignores by default ({@code .hg/}), in a
     * subrepository (a directory holding {@code .dvc}) or by a {@code .dvcignore} below the root, nor DVC's own files.
     */
    @Test
    void directoryPlotsLeaveOutWhatDvcIgnores(RealDvc dvc) throws Exception {
        Map<String, String> main = new LinkedHashMap<>();
        for (String file : List.of("d/a.csv", "d/.hg/h.csv", "d/sub/s.csv", "d/ig/i.csv", "d/k.csv", "d/deep/e.csv")) {
            main.put(file, "step,loss\n0,1\n1,2\n");
        }
        main.put("d/sub/.dvc/config", "");
        main.put("d/.dvcignore", "ig/\nk.csv\n");
        main.put("d/x.dvc", "outs: []\n");
        Path repository = repository("ignored", "plots:\n  - d: {y: loss}\n", main);
        Files.writeString(repository.resolve("d/a.csv"), "step,loss\n0,3\n");

        assertThat(compare(dvc, repository, "ignored")).isEmpty();
    }

    /**
     * A plot defined differently in {@code main} and the workspace: drawn with the properties merged over the
     * revisions, each as the workspace gives it, else as {@code main} does; a plot only one revision defines is drawn
     * for that revision only, though its file is in both.
     */
    @Test
    void definitionsMergedOverRevisions(RealDvc dvc) throws Exception {
        Map<String, String> main = new LinkedHashMap<>();
        for (String file : List.of("loss.csv", "gone.csv", "new.csv")) {
            main.put(file, "step,loss,acc\n0,1,5\n1,2,6\n");
        }
        Path repository =
                repository("merged", "plots:\n  - loss.csv: {title: Main, x: step, y: loss}\n  - gone.csv\n", main);
        Files.writeString(
                repository.resolve("dvc.yaml"), "plots:\n  - loss.csv: {template: scatter, y: acc}\n  - new.csv\n");

        assertThat(compare(dvc, repository, "merged")).isEmpty();
    }

    /** A {@code dvc.yaml} with a valid plot ({@code b.csv}) and top-level plots entries. */
    private static String topLevel(String entries) {
        return "plots:\n  - b.csv\n" + entries + "\n";
    }

    /** A {@code dvc.yaml} with a valid plot ({@code b.csv}) and a stage's plots entries. */
    private static String stage(String entries) {
        return "plots:\n  - b.csv\nstages:\n  s:\n    cmd: echo\n    plots:\n" + entries + "\n";
    }

    /**
     * Plot properties of a type DVC's schema refuses ({@code dvc/schema.py}: {@code PLOT_DEFINITION},
     * {@code PLOT_PROPS_SCHEMA}), of every kind, in top-level and stage plots, in one revision or in both: the
     * revision's {@code dvc.yaml} fails and with it all its plots, with DVC's error for the revision and its {@code DVC
     * failed to load some plots} line (which every comparison checks); the other revision is drawn. A stage output's
     * list of properties, which the schema takes, is DVC's {@code ValueError}. Forms the schema takes are drawn, and
     * values templating makes of strings.
     */
    @Test
    void plotPropertiesOfATypeDvcsSchemaRefusesFailTheirRevision(RealDvc dvc) throws Exception {
        List<String> refused = List.of(
                topLevel("  - a.csv: {y: 5}"),
                topLevel("  - a.csv: {x: {a.csv: [step]}}"),
                topLevel("  - a.csv: {title: [x]}"),
                topLevel("  - a.csv: {x_label: 5}"),
                topLevel("  - a.csv: {y_label: true}"),
                topLevel("  - a.csv: {template: 1}"),
                topLevel("  - a.csv: {x: 5}"),
                topLevel("  - a.csv: {y: [1]}"),
                topLevel("  - free: {y: {a.csv: 5}}"),
                topLevel("  - free: {y: {a.csv: [loss, 2]}}"),
                topLevel("  - a.csv: {title: null}"),
                topLevel("  - a.csv: {title: 2020-01-01}"),
                topLevel("  - a.csv: [x]"),
                topLevel("  - 5"),
                topLevel("  - {}"),
                topLevel("  - a.csv: {header: false}"),
                "plots: a.csv\n",
                "plots:\n",
                stage("      - a.csv: {cache: false, y: [loss]}"),
                stage("      - a.csv: {cache: false, x: {a.csv: step}}"),
                stage("      - a.csv: {cache: false, header: 1}"),
                stage("      - a.csv: {cache: 'no'}"),
                stage("      - a.csv: {cache: false, title: 5}"),
                stage("      - a.csv: {cache: false, x_label: [a]}"),
                stage("      - a.csv: {cache: false, template: {t: 1}}"),
                stage("      - a.csv: {cache: false, labels: a}"),
                stage("      - a.csv: {cache: false, desc: 5}"),
                stage("      - a.csv: {cache: false, persist: null}"),
                stage("      - a.csv: {cache: false, push: 0}"),
                stage("      - a.csv: {cache: false, remote: 5}"),
                stage("      - a.csv: {cache: false, colour: red}"),
                stage("      - a.csv:"),
                stage("      - a.csv: [{cache: false}]"),
                stage("      - a.csv: [5]"),
                stage("      - 5"),
                "stages:\n  s:\n    cmd: echo\n    plots: a.csv\n",
                "stages:\n  s:\n    foreach: [1]\n    do:\n      cmd: echo\n      plots:\n"
                        + "        - a.csv: {cache: false, y_label: 1}\n");
        String valid = topLevel("  - a.csv: {y: loss}");
        String takenTopLevel = topLevel("  - a.csv:\n  - free: {x: {a.csv: step}, y: {a.csv: [loss]}, title: F}");
        String takenStage = stage("      - a.csv: {cache: false, meta: {k: [1, null]}, labels: [], desc: d, type: t,"
                + " remote: r, push: false, persist: true, checkpoint: false, header: true, y: loss}\n"
                + "      - {}\n      - c.csv: {cache: false}\n        d.csv: {cache: false, title: D}");
        List<List<String>> mainAndWorkspace = new ArrayList<>();
        for (int i = 0; i < refused.size(); i += 2) {
            mainAndWorkspace.add(List.of(refused.get(i), refused.get(Math.min(i + 1, refused.size() - 1))));
        }
        mainAndWorkspace.add(List.of(valid, refused.get(0)));
        mainAndWorkspace.add(List.of(refused.get(1), valid));
        mainAndWorkspace.add(List.of(valid, refused.get(refused.size() - 3)));
        mainAndWorkspace.add(List.of(refused.get(refused.size() - 2), valid));
        mainAndWorkspace.add(List.of(takenTopLevel, takenStage));
        // checked as written: what templating makes of a string is drawn as DVC draws it (an x list is the row index)
        mainAndWorkspace.add(List.of(
                valid,
                "vars:\n  - cols: [step, loss]\n    n: 5\n" + topLevel("  - a.csv: {title: '${n}', x: '${cols}'}")));
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : List.of("a.csv", "b.csv", "c.csv", "d.csv")) {
            files.put(file, "step,loss\n0,1\n1,2\n");
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < mainAndWorkspace.size(); i++) {
            String name = "schema-" + i;
            Path repository = repository(name, mainAndWorkspace.get(i).get(0), files);
            Files.writeString(
                    repository.resolve("dvc.yaml"), mainAndWorkspace.get(i).get(1));
            differences.addAll(compare(dvc, repository, name));
        }
        assertThat(differences).isEmpty();
    }

    /** A repository with a {@code dvc.yaml} and files, committed as {@code main}. */
    private Path repository(String name, String dvcYaml, Map<String, String> files) throws Exception {
        Path repository = directory.resolve(name);
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        Files.writeString(repository.resolve("dvc.yaml"), dvcYaml);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(repository.resolve(file.getKey()).getParent());
            Files.writeString(repository.resolve(file.getKey()), file.getValue());
        }
        MainCommit.of(repository);
        return repository;
    }

    @Test
    void generatedRepositories(RealDvc dvc) throws Exception {
        long seed = DifferentialSeed.current();
        PlotRepositoryGenerator generator = new PlotRepositoryGenerator(seed);
        List<String> differences = new ArrayList<>();
        for (int index = 0; index < GENERATED; index++) {
            Path repository = generator.create(directory.resolve("plots-" + index), index);
            differences.addAll(compare(dvc, repository, "plots-" + index));
        }
        System.out.println("DVC plots differential: seed " + seed + ", " + GENERATED + " generated repositories, "
                + differences.size() + " differences");
        assertThat(differences).as("seed " + seed).isEmpty();
    }

    private static List<String> compare(RealDvc dvc, Path repository, String name) throws Exception {
        RealDvc.Result result = dvc.run(repository, List.of("plots", "diff", "main", "--json"));
        assertThat(result.exitCode()).as(name + ": " + result.err()).isZero();
        List<DvcPlot> expected = new DvcJsonAdapter().plots(result.out());
        PlotsDiff.Result actual;
        try (DvcRepository repo = DvcRepository.open(repository, DataFileReader.DEFAULT_MAX_BYTES)) {
            actual = new PlotsDiff(repo)
                    .write(List.of("main", DvcRepository.WORKSPACE), Files.createTempDirectory(repository, "out"));
        }
        List<String> differences = new ArrayList<>();
        for (DvcPlot plot : expected) {
            Optional<RenderedPlot> drawn = actual.plots().stream()
                    .filter(candidate -> candidate.id().equals(plot.id()))
                    .findFirst();
            String where = name + ": " + plot.id();
            if (drawn.isEmpty()) {
                differences.add(where + ": not drawn");
            } else if (plot.image()) {
                if (drawn.get().images().stream()
                        .noneMatch(image -> plot.revisions().contains(image.revision()))) {
                    differences.add(where + ": image revisions " + plot.revisions());
                }
            } else {
                compareData(plot, drawn.get(), where, differences);
            }
        }
        // DVC's warning per revision it leaves out of a plot: its JSON error without a source
        List<String> dvcWarnings = new ArrayList<>();
        for (JsonNode error : new ObjectMapper().readTree(result.out()).path("errors")) {
            if (!error.has("source") && error.has("name")) {
                dvcWarnings.add("In '" + error.get("rev").asText() + "', "
                        + error.get("msg").asText().toLowerCase(Locale.ROOT));
            }
        }
        List<String> warnings = actual.notDrawn().stream()
                .filter(line -> line.startsWith("In '"))
                .sorted()
                .toList();
        if (!warnings.equals(dvcWarnings.stream().sorted().toList())) {
            differences.add(name + ": warnings " + warnings + ", DVC " + dvcWarnings);
        }
        differences.addAll(revisionFailures(result.out(), actual.errors(), name));
        Optional<String> loadWarning = result.err()
                .lines()
                .filter(line -> line.startsWith("DVC failed to load"))
                .findFirst();
        if (!actual.warning().equals(loadWarning)) {
            differences.add(name + ": warning " + actual.warning() + ", DVC " + loadWarning);
        }
        List<String> dvcIds = expected.stream().map(DvcPlot::id).toList();
        actual.plots().stream()
                .map(RenderedPlot::id)
                .filter(id -> !dvcIds.contains(id))
                .forEach(id -> differences.add(name + ": " + id + ": drawn, DVC has no such plot"));
        return differences;
    }

    /**
     * DVC's errors for a revision as a whole (without a source file or a plot: its {@code dvc.yaml} fails DVC's schema,
     * a stage's outputs its loader) against gpu-train's errors that neither name a file DVC has an error for in that
     * revision nor hold such an error's message (file errors are compared elsewhere): one each, gpu-train's beginning with DVC's message, less what DVC adds to it for
     * a commit ({@code in revision '1a2b3c4'}), for several failures ({@code : 2 errors}) and to the path
     * ({@code ./dvc.yaml}); gpu-train's goes on to say what failed.
     */
    private static List<String> revisionFailures(String dvcJson, List<String> errors, String name) throws Exception {
        Map<String, List<String>> fileErrors = new LinkedHashMap<>(); // sources and messages by revision
        List<String> expected = new ArrayList<>();
        for (JsonNode error : new ObjectMapper().readTree(dvcJson).path("errors")) {
            String revision = error.get("rev").asText() + ": ";
            if (error.has("source")) {
                List<String> named = fileErrors.computeIfAbsent(revision, key -> new ArrayList<>());
                named.add("'" + error.get("source").asText() + "'");
                named.add(error.get("msg").asText());
            } else if (!error.has("name")) {
                expected.add((revision + error.get("msg").asText())
                        .replaceFirst(": '\\./", ": '")
                        .replaceFirst(" in revision '[0-9a-f]{7}'", "")
                        .replaceFirst(": \\d+ errors$", ""));
            }
        }
        List<String> actual = errors.stream()
                .filter(line -> fileErrors.entrySet().stream()
                        .noneMatch(files -> line.startsWith(files.getKey())
                                && files.getValue().stream().anyMatch(line::contains)))
                .sorted()
                .toList();
        List<String> sorted = expected.stream().sorted().toList();
        boolean same = actual.size() == sorted.size();
        for (int i = 0; same && i < actual.size(); i++) {
            same = actual.get(i).startsWith(sorted.get(i));
        }
        return same ? List.of() : List.of(name + ": revision errors " + actual + ", DVC " + sorted);
    }

    private static void compareData(DvcPlot plot, RenderedPlot drawn, String where, List<String> differences) {
        if (!plot.title().equals(drawn.title())) {
            differences.add(where + ": title '" + drawn.title() + "', DVC '" + plot.title() + "'");
        }
        // The same revisions; not their order: gpu-train keeps the order given (the baseline first), DVC moves the
        // workspace first (a documented divergence, docs/dvc-reports.md).
        List<String> revisions =
                drawn.series().stream().map(Series::revision).distinct().toList();
        if (!revisions.stream()
                .sorted()
                .toList()
                .equals(plot.revisions().stream().sorted().toList())) {
            differences.add(where + ": revisions " + revisions + ", DVC " + plot.revisions());
            return;
        }
        for (String revision : revisions) {
            long series = drawn.series().stream()
                    .filter(candidate -> candidate.revision().equals(revision))
                    .count();
            long dvcSeries = plot.datapoints().stream()
                    .filter(point -> revision.equals(point.get("rev").str()))
                    .map(point -> List.of("filename::field", "filename", "field").stream()
                            .map(key -> point.getOrDefault(key, Value.None.NONE).str())
                            .toList())
                    .distinct()
                    .count();
            if (series != dvcSeries) {
                differences.add(where + " (" + revision + "): " + series + " series, DVC " + dvcSeries);
            }
        }
        for (Series series : drawn.series()) {
            List<String> expected = new ArrayList<>();
            for (Map<String, Value> point : plot.datapoints()) {
                if (series.revision().equals(point.get("rev").str()) && ofSeries(point, series)) {
                    expected.add(text(point.get(plot.x())) + " " + text(point.get(plot.y())));
                }
            }
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < series.x().size(); i++) {
                actual.add(text(series.x().get(i)) + " " + text(series.y().get(i)));
            }
            if (!actual.equals(expected)) {
                differences.add(where + " (" + series.revision() + "): points " + actual + ", DVC " + expected);
            }
        }
    }

    /**
     * Whether a point of DVC's is of a series: of its revision and, when a plot has several files or fields (the
     * series named {@code <rev>: <file>::<field>}), of its file and field, as DVC's filled template names them: the
     * file (less the files' common prefix) as {@code filename}, or with the field as {@code filename::field} where the
     * plot has several fields, or the field alone as {@code field} where one file has several.
     */
    private static boolean ofSeries(Map<String, Value> point, Series series) {
        int fieldAt = series.name().lastIndexOf("::");
        if (fieldAt < 0) {
            return true;
        }
        String file = series.name().substring(series.revision().length() + 2, fieldAt);
        String field = series.name().substring(fieldAt + 2);
        Value both = point.get("filename::field");
        if (both == null && !point.containsKey("filename")) { // one file of several fields: the field alone
            return field.equals(point.getOrDefault("field", Value.None.NONE).str());
        }
        String named = both != null
                ? both.str()
                : point.getOrDefault("filename", Value.None.NONE).str() + "::" + field;
        return (file + "::" + field).equals(named) || (file + "::" + field).endsWith("/" + named);
    }

    /**
     * Numbers by value (DVC keeps CSV cells as text), anything else as its text; a field a row lacks (DVC's rows keep
     * only the keys read) and a {@code None} (gpu-train's series) both draw no point.
     */
    private static String text(Value value) {
        if (value == null || value instanceof Value.None) {
            return "(none)";
        }
        try {
            return String.valueOf(Double.parseDouble(value.str()));
        } catch (NumberFormatException e) {
            return value.str();
        }
    }
}
