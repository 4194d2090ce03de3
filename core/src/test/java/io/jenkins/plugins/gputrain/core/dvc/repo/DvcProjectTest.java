package io.jenkins.plugins.gputrain.core.dvc.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.diff.FileResult;
import io.jenkins.plugins.gputrain.core.dvc.diff.RevisionData;
import io.jenkins.plugins.gputrain.core.dvc.render.PythonJson;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are metrics and params (spec §3, §9), read from a plain working tree. */
class DvcProjectTest {
    @TempDir
    Path root;

    @Test
    void topLevelMetricsAreRelativeToTheirDvcYamlAndMayLeaveItsDirectory() throws Exception {
        write("dir/dvc.yaml", "metrics:\n- ../my_metrics.yaml\n");
        write("my_metrics.yaml", "acc: 0.9\n");

        assertThat(metrics().files()).containsOnlyKeys("my_metrics.yaml");
    }

    @Test
    void stageMetricsUseWdirAndInterpolationFromParamsYaml() throws Exception {
        write("params.yaml", "out: results\n");
        write(
                "dvc.yaml",
                "stages:\n  eval:\n    wdir: sub\n    cmd: python eval.py\n    metrics:\n"
                        + "    - ${out}/m.json:\n        cache: false\n");
        write("sub/results/m.json", "{\"loss\": 1}");

        assertThat(json(metrics())).isEqualTo("{\"sub/results/m.json\": {\"loss\": 1}}");
    }

    @Test
    void foreachAndMatrixExpandStages() throws Exception {
        write(
                "dvc.yaml",
                """
                vars:
                - models: [cnn, rnn]
                stages:
                  train:
                    foreach: ${models}
                    do:
                      cmd: train ${item}
                      metrics:
                      - ${item}/metrics.json
                  sweep:
                    matrix:
                      lr: [1, 2]
                      opt: [sgd]
                    cmd: sweep
                    metrics:
                    - sweep/${item.opt}-${item.lr}.json
                """);
        for (String file : List.of("cnn/metrics.json", "rnn/metrics.json", "sweep/sgd-1.json", "sweep/sgd-2.json")) {
            write(file, "{\"a\": 1}");
        }

        assertThat(metrics().files())
                .containsOnlyKeys("cnn/metrics.json", "rnn/metrics.json", "sweep/sgd-1.json", "sweep/sgd-2.json");
    }

    @Test
    void varsFilesWithSelectedKeys() throws Exception {
        write("config.yaml", "paths: {metrics: out/m.json}\nunused: 1\n");
        write("dvc.yaml", "vars:\n- config.yaml:paths\nmetrics:\n- ${paths.metrics}\n");
        write("out/m.json", "{\"a\": 1}");

        assertThat(metrics().files()).containsOnlyKeys("out/m.json");
    }

    @Test
    void metricsDirectoryExpandsToEveryFileBelow() throws Exception {
        write("dvc.yaml", "metrics:\n- eval\n");
        write("eval/a.json", "{\"a\": 1}");
        write("eval/deep/b.yaml", "b: 2\n");

        assertThat(metrics().files()).containsOnlyKeys("eval/a.json", "eval/deep/b.yaml");
    }

    @Test
    void dvcignoredDirectoriesHoldNoDvcYaml() throws Exception {
        write(".dvcignore", "vendor/\n*.tmp\n");
        write("vendor/lib/dvc.yaml", "metrics:\n- m.json\n");
        write("kept/dvc.yaml", "metrics:\n- m.json\n");
        write("kept/.dvcignore", "!*.tmp\n");
        write("kept/m.json", "{\"a\": 1}");
        write("vendor/lib/m.json", "{\"a\": 1}");

        assertThat(metrics().files()).containsOnlyKeys("kept/m.json");
    }

    @Test
    void pathsLeavingTheRepositoryAreErrorsAndNeverRead() throws Exception {
        write("dvc.yaml", "metrics:\n- ../../etc/passwd\n- /etc/hostname\n");

        RevisionData data = metrics();

        assertThat(data.files().values()).allSatisfy(result -> assertThat(result)
                .isInstanceOfSatisfying(
                        FileResult.Failure.class, f -> assertThat(f.type()).isEqualTo("PathError")));
        assertThat(data.files()).hasSize(2);
    }

    @Test
    void symbolicLinkOutOfTheRepositoryIsNotFollowed() throws Exception {
        Path outside = Files.createTempFile("outside", ".json");
        Files.writeString(outside, "{\"secret\": 1}");
        write("dvc.yaml", "metrics:\n- link.json\n");
        Files.createSymbolicLink(root.resolve("link.json"), outside);

        assertThat(metrics().files().get("link.json"))
                .isInstanceOfSatisfying(
                        FileResult.Failure.class, f -> assertThat(f.type()).isEqualTo("FileNotFoundError"));
        Files.delete(outside);
    }

    @Test
    void brokenDvcYamlFailsTheWholeRevision() throws Exception {
        write("dvc.yaml", "stages: [\n");

        RevisionData data = metrics();

        assertThat(data.optionalError())
                .hasValueSatisfying(e -> assertThat(e.type()).isEqualTo("YAMLSyntaxError"));
        assertThat(data.files()).isEmpty();
    }

    @Test
    void undefinedInterpolationFailsTheWholeRevision() throws Exception {
        write("dvc.yaml", "metrics:\n- m.json\n- ${nowhere}/m.json\n");

        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("ResolveError");
            assertThat(e.message()).isEqualTo("failed to parse 'metrics.1' in 'dvc.yaml': Could not find 'nowhere'");
        });
        write("dvc.yaml", "plots:\n- p.csv\n- ${nowhere}.csv\n");
        assertThat(resolveError()).isEqualTo("failed to parse 'plots.1' in 'dvc.yaml': Could not find 'nowhere'");
        // DVC loads the stages first, then the top-level metrics, plots and params
        write("dvc.yaml", "params: ['${p}']\nplots: ['${q}']\n");
        assertThat(resolveError()).isEqualTo("failed to parse 'plots.0' in 'dvc.yaml': Could not find 'q'");
        write("dvc.yaml", "metrics: ['${m}']\nstages:\n  s:\n    cmd: ${s}\n");
        assertThat(resolveError()).isEqualTo("failed to parse 'stages.s.cmd' in 'dvc.yaml': Could not find 's'");
    }

    @Test
    void aPlotPropertyOfAWrongTypeFailsTheRevisionAsDvcsSchemaDoes() throws Exception {
        // DVC 3.67.1: "'./dvc.yaml' validation failed" (dvc/schema.py: PLOT_PROPS, y is a str in stage plots)
        write("dvc.yaml", "stages:\n  s:\n    cmd: echo\n    plots:\n      - a.csv: {y: [loss]}\n");

        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("YAMLValidationError");
            assertThat(e.message())
                    .isEqualTo("'dvc.yaml' validation failed: stages -> s -> plots -> 0 -> a.csv -> y: expected a"
                            + " string, found list");
        });
    }

    @Test
    void aStagePlotsOutputWithAListOfPropertiesIsDvcsValueError() throws Exception {
        // the schema takes [PLOT_PROPS_SCHEMA]; dvc/output.py's _merge_data then refuses it
        write("dvc.yaml", "stages:\n  s:\n    cmd: echo\n    plots:\n      - a.csv: [{cache: false}]\n");

        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("ValueError");
            assertThat(e.message()).isEqualTo("Expected dict for 'a.csv', got: 'list'");
        });
    }

    @Test
    void aStageOutputsEntryOfSeveralPathsIsAnOutputEach() throws Exception {
        write(
                "dvc.yaml",
                "stages:\n  s:\n    cmd: echo\n    metrics:\n      - a.json: {cache: false}\n        b.json:"
                        + " {cache: false}\n      - {}\n");
        write("a.json", "{\"x\": 1}");
        write("b.json", "{\"y\": 2}");

        assertThat(metrics().files()).containsOnlyKeys("a.json", "b.json");
    }

    @Test
    void aDvcYamlThatIsAListFailsTheRevisionAsDvcsValidationDoes() throws Exception {
        write("dvc.yaml", "- metrics.json\n- params.yaml\n");

        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("YAMLValidationError");
            assertThat(e.message())
                    .isEqualTo("'dvc.yaml' validation failed: expected a mapping of stages, metrics, params and"
                            + " plots, found a list");
        });
        write("dvc.yaml", "just text\n");
        assertThat(metrics().optionalError())
                .hasValueSatisfying(e -> assertThat(e.message()).endsWith("found a scalar"));
    }

    @Test
    void aTopLevelPlotWithAPropertyDvcsSchemaLacksFailsTheRevision() throws Exception {
        // DVC 3.67.1: "DVC failed to load some plots for following revisions: 'workspace'." ('./dvc.yaml' validation
        // failed); header is a property of stage plots outputs only
        write("dvc.yaml", "plots:\n  - h.csv: {x: step, header: false}\n");

        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("YAMLValidationError");
            assertThat(e.message())
                    .isEqualTo("'dvc.yaml' validation failed: plots -> 0 -> h.csv -> header: not a property here,"
                            + " expected one of x, y, x_label, y_label, title, template");
        });
        write(
                "dvc.yaml",
                "plots:\n  - h.csv: {x: step, y: loss, x_label: s, y_label: l, title: t, template: simple}\n");
        assertThat(metrics().optionalError()).isEmpty();
    }

    @Test
    void aTemplatingParamsFileThatCannotBeReadOrHoldsWhatTheContextRefusesFailsTheRevisionAsInDvc() throws Exception {
        // as DVC 3.67.1 printed them: "WARNING: failed to load metrics in revision 'workspace', <message>"
        write("dvc.yaml", "stages:\n  s:\n    cmd: echo\n    metrics:\n    - m.json\n");
        write("m.json", "{\"acc\": 1}");
        write("params.yaml", "x: 1\n1.0: 2\ntrue: 3\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("YAMLFileCorruptedError");
            assertThat(e.message()).isEqualTo("unable to read: 'params.yaml', YAML file structure is corrupted");
        });
        write("params.yaml", "x: !!set {1}\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("Unsupported value of type 'set' in 'params.yaml:x'"));
        write("params.yaml", "x: {y: [1, !!pairs [a: 1]]}\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("Unsupported value of type 'tuple' in 'params.yaml:x.y.1.0'"));
        write("params.yaml", "x: [!!binary aGk=]\nd: 2001-01-01\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("Unsupported value of type 'date' in 'params.yaml:d'"));
    }

    @Test
    void complexNumbersAndEllipsisInAVarsFileFailTheRevisionAsDvcsContextRefusesThem() throws Exception {
        // dvc/parsing/context.py:_convert_with_meta: only None, int, float, str, bytes, bool, list and dict
        write("dvc.yaml", "vars:\n- v.py\nstages:\n  s:\n    cmd: echo ${a}\n    metrics:\n    - m.json\n");
        write("m.json", "{\"acc\": 1}");
        write("v.py", "a = 1\nc = 1j\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("TypeError");
            assertThat(e.message()).isEqualTo("Unsupported value of type 'complex' in 'v.py:c'");
        });
        write("v.py", "a = 1\nclass K:\n    e = [1, ...]\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("Unsupported value of type 'ellipsis' in 'v.py:K.e.1'"));
        write("v.py", "a = b'x'\n");
        assertThat(metrics().optionalError()).isEmpty();
    }

    @Test
    void inlineVarsAreCheckedAsDvcChecksThemNamedByTheirPlaceInVars() throws Exception {
        write("m.json", "{\"acc\": 1}");
        write("dvc.yaml", "vars:\n- x: 1\n- d: {when: 2001-12-14}\nmetrics:\n- m.json\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("TypeError");
            assertThat(e.message()).isEqualTo("Unsupported value of type 'date' in 'vars[1]:d.when'");
        });
        write("dvc.yaml", "metrics:\n- m.json\nstages:\n  s:\n    vars:\n    - y: !!set {a}\n    cmd: echo\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("Unsupported value of type 'set' in 's.vars[0]:y'"));
        write("dvc.yaml", "vars:\n- x: [1, 2]\nmetrics:\n- m.json\n");
        assertThat(metrics().optionalError()).isEmpty();
    }

    @Test
    void aVarsFileOrTemplatingParamsYamlThatIsNotAMappingFailsTheRevisionWithDvcsResolveError() throws Exception {
        write("m.json", "{\"acc\": 1}");
        write("dvc.yaml", "metrics:\n- m.json\n");
        write("params.yaml", "- 1\n- 2\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("ResolveError");
            assertThat(e.message())
                    .isEqualTo("failed to parse 'vars' in 'dvc.yaml': expected a dictionary, got 'list' in file"
                            + " 'params.yaml'");
        });
        write("params.yaml", "[]\n");
        assertThat(metrics().optionalError()).isEmpty();
        write("sub/dvc.yaml", "vars:\n- v.json\nmetrics:\n- m.json\n");
        write("sub/v.json", "0.5\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("failed to parse 'vars' in 'sub/dvc.yaml': expected a dictionary, got 'float' in"
                        + " file 'sub/v.json'"));
        write("sub/dvc.yaml", "stages:\n  t:\n    vars:\n    - v.json\n    cmd: echo\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("failed to parse stage 't' in 'sub/dvc.yaml': expected a dictionary, got 'float'"
                        + " in file 'sub/v.json'"));
        write("sub/dvc.yaml", "vars:\n- nope.yaml\nmetrics:\n- m.json\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("failed to parse 'vars' in 'sub/dvc.yaml': 'sub/nope.yaml' does not exist"));
    }

    @Test
    void stageVarsFilesAreReadFromTheStagesWdirWhichSeesOnlyTheOuterScope() throws Exception {
        write("w/v.yaml", "x: 1\n");
        write("dvc.yaml", "stages:\n  s:\n    wdir: w\n    vars: [v.yaml]\n    cmd: echo ${x}\n");

        assertThat(params(List.of(), false).files()).containsOnlyKeys("w/v.yaml");

        write("dvc.yaml", "stages:\n  s:\n    wdir: w\n    vars: [nope.yaml]\n    cmd: echo\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("failed to parse stage 's' in 'dvc.yaml': 'w/nope.yaml' does not exist"));
        write("w/v.yaml", "d: w\n");
        write("dvc.yaml", "stages:\n  s:\n    wdir: ${d}\n    vars: [w/v.yaml]\n    cmd: echo\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("ResolveError");
            assertThat(e.message()).isEqualTo("failed to parse 'stages.s.wdir' in 'dvc.yaml': Could not find 'd'");
        });
    }

    @Test
    void varsKeysAreTopLevelKeysSplitOnCommasWithSpacesKeptAndEmptyOnesDropped() throws Exception {
        write("m.json", "{\"acc\": 1}");
        write("v.yaml", "a: {b: 1}\nc: 2\n");
        write("dvc.yaml", "vars: ['v.yaml:a.b']\nmetrics:\n- m.json\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("ResolveError");
            assertThat(e.message()).isEqualTo("failed to parse 'vars' in 'dvc.yaml': could not find 'a.b' in 'v.yaml'");
        });
        write("dvc.yaml", "vars: ['v.yaml:a, c']\nmetrics:\n- m.json\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("failed to parse 'vars' in 'dvc.yaml': could not find ' c' in 'v.yaml'"));
        write("dvc.yaml", "metrics:\n- m.json\nstages:\n  s:\n    vars: ['v.yaml:zz']\n    cmd: echo\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("failed to parse stage 's' in 'dvc.yaml': could not find 'zz' in 'v.yaml'"));

        write("v.toml", "x = 1\ny = 2\n");
        write("dvc.yaml", "vars: ['v.toml:,x']\nstages:\n  s:\n    cmd: echo ${x}\n");
        assertThat(json(params(List.of(), false))).isEqualTo("{\"v.toml\": {\"x\": 1}}");
        write("dvc.yaml", "vars: ['v.toml:,x']\nstages:\n  s:\n    cmd: echo ${y}\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("failed to parse 'stages.s.cmd' in 'dvc.yaml': Could not find 'y'"));
    }

    @Test
    void interpolationInVarsFailsTheRevisionEvenInAKeyOrBeforeTheTemplatingParamsYamlIsRead() throws Exception {
        write("m.json", "{\"acc\": 1}");
        write("a.yaml", "x: 1\n");
        write("params.yaml", "a: a\n");
        write("dvc.yaml", "vars: ['${a}.yaml']\nmetrics:\n- m.json\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo("ResolveError");
            assertThat(e.message()).isEqualTo("failed to parse 'vars' in 'dvc.yaml': interpolating is not allowed");
        });
        write("params.yaml", "- not a mapping\n");
        write("dvc.yaml", "vars: [{'${k}': 1}]\nmetrics:\n- m.json\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("failed to parse 'vars' in 'dvc.yaml': interpolating is not allowed"));
        Files.delete(root.resolve("params.yaml"));
        write("dvc.yaml", "metrics:\n- m.json\nstages:\n  s:\n    vars: [{x: [\"${a}\"]}]\n    cmd: echo\n");
        assertThat(metrics().optionalError()).hasValueSatisfying(e -> assertThat(e.message())
                .isEqualTo("failed to parse 'stages.s.vars' in 'dvc.yaml': interpolating is not allowed"));
        write("dvc.yaml", "vars: [{x: '\\${a}'}]\nmetrics:\n- m.json\n");
        assertThat(metrics().optionalError()).isEmpty();
    }

    @Test
    void anEmptyDvcYamlDeclaresNothingWithoutFailing() throws Exception {
        write("dvc.yaml", "# nothing yet\n");
        write("m.json", "{\"acc\": 1}");

        assertThat(metrics().optionalError()).isEmpty();
        assertThat(metrics().files()).isEmpty();
    }

    @Test
    void metricsAreInDvcsCollectedOrderStageMetricsThenTopLevelRootFirst() throws Exception {
        write("dvc.yaml", "metrics: [a.json]\nstages:\n  s:\n    cmd: c\n    metrics: [z.json, b.json]\n");
        write("a/dvc.yaml", "metrics: [top.json]\nstages:\n  t:\n    cmd: c\n    metrics: [m.json]\n");
        for (String file : List.of("a.json", "z.json", "b.json", "a/top.json", "a/m.json")) {
            write(file, "{\"x\": 1}");
        }

        assertThat(metrics().files().keySet()).containsExactly("z.json", "b.json", "a/m.json", "a.json", "a/top.json");
    }

    @Test
    void dvcYamlFilesAreWalkedTopDown() {
        assertThat(DvcProjectLoader.topDown(
                        List.of("b/dvc.yaml", "a/c/dvc.yaml", "a/dvc.yaml", "dvc.yaml", "ab/dvc.yaml")))
                .containsExactly("dvc.yaml", "a/dvc.yaml", "a/c/dvc.yaml", "ab/dvc.yaml", "b/dvc.yaml");
    }

    @Test
    void rootParamsYamlIsDiffedWholeByDefaultAndOnlyStageKeysWithDeps() throws Exception {
        write("params.yaml", "train: {lr: 0.1, epochs: 3}\nabc: ignore\n");
        write(
                "dvc.yaml",
                "stages:\n  train:\n    cmd: t\n    params:\n    - train.lr\n    - custom.yaml:\n" + "      - a.b\n");
        write("custom.yaml", "a: {b: 1, c: 2}\n");

        assertThat(json(params(List.of(), false)))
                .isEqualTo("{\"params.yaml\": {\"train\": {\"lr\": 0.1, \"epochs\": 3}, \"abc\": \"ignore\"},"
                        + " \"custom.yaml\": {\"a\": {\"b\": 1}}}");
        assertThat(json(params(List.of(), true)))
                .isEqualTo("{\"params.yaml\": {\"train\": {\"lr\": 0.1}}, \"custom.yaml\": {\"a\": {\"b\": 1}}}");
    }

    @Test
    void stageParamsSelectListItemsByIndexAsDpathDoesPaddingWithNone() throws Exception {
        // dpath 2.2.0 search + merge as DVC's read_param_file uses them: items keep their index, lists add up
        write("cfg.yaml", "a: [10, 20, 30]\nb: [{x: 1, y: 2}]\nc: [5, 6]\nd: [7, 8]\nt: 1\n");
        write(
                "dvc.yaml",
                "stages:\n  s:\n    cmd: c\n    params:\n    - cfg.yaml:\n      - a.1\n      - b.0.x\n"
                        + "      - c.*\n      - d.-1\n      - d.0\n      - t.0\n      - a.3\n");

        assertThat(json(params(List.of(), true)))
                .isEqualTo("{\"cfg.yaml\": {\"a\": [null, 20], \"b\": [{\"x\": 1}], \"c\": [5, 6],"
                        + " \"d\": [null, 8, 7]}}");
    }

    @Test
    void valuesStagesInterpolateFromVarsFilesAreTrackedAsParams() throws Exception {
        write("test_params.yaml", "vars:\n  model1: {epoch: 15}\n  model2: {epoch: 35}\nunused: 1\n");
        write(
                "dvc.yaml",
                "vars:\n- test_params.yaml\n- {inline: 3}\nstages:\n  build:\n    foreach: ${vars}\n"
                        + "    do:\n      cmd: echo ${item.epoch} ${inline}\n");

        // flat, as DVC's Context._track_data records them: dict.fromkeys(keys, node.value)
        assertThat(json(params(List.of(), false)))
                .isEqualTo("{\"test_params.yaml\": {\"vars.model1.epoch\": 15, \"vars.model2.epoch\": 35}}");
        assertThat(params(List.of("test_params.yaml"), false).files()).containsOnlyKeys("test_params.yaml");
    }

    @Test
    void severalExpressionsInAStringAreTextAndAnEscapedOneStaysLiteral() throws Exception {
        write("params.yaml", "a: 1\nb: true\n");
        write(
                "dvc.yaml",
                "metrics: ['${a}-${b}.json', 'x${a}.json', '\\${a}.json']\nstages:\n  u:\n    cmd: echo\n"
                        + "    wdir: ${a}${a}\n    metrics: [m.json]\n");
        for (String file : List.of("1-true.json", "x1.json", "${a}.json", "11/m.json")) {
            write(file, "{\"a\": 1}");
        }

        assertThat(metrics().files()).containsOnlyKeys("11/m.json", "1-true.json", "x1.json", "${a}.json");
    }

    @Test
    void valuesLookedUpAreTrackedUnderTheirOwnPathsAndAMissingIndexIsNotFound() throws Exception {
        write("v.yaml", "l: [5, 6, 7]\nd: {a: x, b: 2}\n");
        String stage = "vars: [v.yaml]\nstages:\n  t:\n    cmd: echo %s\n";
        write("dvc.yaml", stage.formatted("${l[-1]} ${d[a]} ${d. b} ${l[01]}"));

        assertThat(json(params(List.of(), false)))
                .isEqualTo("{\"v.yaml\": {\"l.2\": 7, \"d.a\": \"x\", \"d.b\": 2, \"l.1\": 6}}");
        for (String index : List.of("5", "99999999999999999999")) {
            write("dvc.yaml", stage.formatted("${l[" + index + "]}"));
            assertThat(resolveError())
                    .isEqualTo("failed to parse 'stages.t.cmd' in 'dvc.yaml': Could not find 'l." + index + "'");
        }
    }

    @Test
    void foreachAndMatrixItemsKeepTheirSourceOneStagePerNameTheLastKept() throws Exception {
        write("v.yaml", "flags: [true, 1, '1', 1.0, null]\na: 3\nb: 4\n");
        String stages = "vars: [v.yaml]\nstages:\n  f:\n    foreach: ${flags}\n    do:\n      cmd: echo ${item}\n"
                + "  g:\n    foreach: ['${a}', 5, 5]\n    do:\n      cmd: echo ${item}\n"
                + "  h:\n    matrix:\n      q: ['${b}', 5]\n    cmd: echo ${item.q}\n";
        write("dvc.yaml", stages);

        assertThat(json(params(List.of(), false)))
                .isEqualTo("{\"v.yaml\": {\"flags.0\": true, \"flags.2\": \"1\", \"flags.3\": 1.0, \"flags.4\": null,"
                        + " \"a\": 3, \"b\": 4}}");
        for (String[] failing : new String[][] {
            {"foreach: ${flags}\n    do:\n      cmd: ${nope}", "z@True"},
            {"foreach: [true, 2]\n    do:\n      cmd: ${nope}", "z@true"},
            {"foreach: [1, {x: 2}]\n    do:\n      cmd: ${nope}", "z@0"},
            {"matrix:\n      p: ${flags}\n    cmd: ${nope}", "z@True"}
        }) {
            write("dvc.yaml", stages + "  z:\n    " + failing[0] + "\n");
            assertThat(resolveError())
                    .isEqualTo("failed to parse 'stages." + failing[1] + ".cmd' in 'dvc.yaml': Could not find 'nope'");
        }
    }

    @Test
    void keysOfTheVariablesThatAreNotStringsAreLeftOutUnchecked() throws Exception {
        write("v.py", "D = {1: {1, 2}, 'k': 5}\n");
        write("v.yaml", "dd: {1: one, 2.5: t, k: v}\n1: x\n");
        write(
                "dvc.yaml",
                "vars: [v.yaml, v.py]\nstages:\n  j:\n    foreach: ${dd}\n    do:\n      cmd: echo ${D.k}\n"
                        + "      metrics:\n      - ${key}.json\n");
        for (String file : List.of("1.json", "2.5.json", "k.json")) {
            write(file, "{\"a\": 1}");
        }

        assertThat(metrics().optionalError()).isEmpty();
        assertThat(metrics().files()).containsOnlyKeys("k.json");
        write("dvc.yaml", "vars: ['v.yaml:1']\n");
        assertThat(resolveError()).isEqualTo("failed to parse 'vars' in 'dvc.yaml': could not find '1' in 'v.yaml'");
    }

    @Test
    void aWdirIsItsToStrForTheStagesVarsAndItsValueForTheStage() throws Exception {
        write("params.yaml", "n: null\nt: true\n");
        write("None/w.yaml", "x: 1\n");
        write("m.json", "{\"a\": 1}");
        String stage =
                "stages:\n  s:\n    wdir: ${%s}\n    vars: [w.yaml]\n    cmd: echo ${x}\n    metrics: [m.json]\n";
        write("dvc.yaml", stage.formatted("n"));

        assertThat(metrics().files()).containsOnlyKeys("m.json");
        write("dvc.yaml", stage.formatted("t"));
        assertThat(resolveError()).isEqualTo("failed to parse stage 's' in 'dvc.yaml': 'true/w.yaml' does not exist");
    }

    @Test
    void everyNameOfAStageIsParsedBeforeAnyIsLookedUpAndForeachDataFailsAsItsField() throws Exception {
        String parseError =
                "failed to parse 'stages.f.desc' in 'dvc.yaml':\n${d..a}\n   ^\nParseException: Expected end"
                        + " of text, found '.'  (at char 3), (line:1, col:4)";
        for (String stage : List.of(
                "cmd: echo ${nope}\n    desc: ${d..a}",
                "foreach: [1]\n    do:\n      cmd: echo ${nope}\n      desc: ${d..a}",
                "matrix:\n      a: [1]\n    cmd: echo ${nope}\n    desc: ${d..a}")) {
            write("dvc.yaml", "stages:\n  f:\n    " + stage + "\n");
            assertThat(resolveError()).isEqualTo(parseError);
        }
        write("dvc.yaml", "stages:\n  f:\n    foreach: ${nope}\n    do:\n      cmd: echo\n");
        assertThat(resolveError()).isEqualTo("failed to parse 'stages.f.foreach' in 'dvc.yaml': Could not find 'nope'");
        write("dvc.yaml", "stages:\n  f:\n    matrix:\n      a: ${nope}\n    cmd: echo\n");
        assertThat(resolveError()).isEqualTo("failed to parse 'stages.f.matrix' in 'dvc.yaml': Could not find 'nope'");
    }

    @Test
    void trackedVarsOfAFileAlreadyCollectedAreNotAddedAgain() throws Exception {
        write("params.yaml", "train: {epochs: 3}\nother: 1\n");
        write("dvc.yaml", "stages:\n  train:\n    cmd: python train.py --epochs ${train.epochs}\n");

        assertThat(json(params(List.of(), false)))
                .isEqualTo("{\"params.yaml\": {\"train\": {\"epochs\": 3}," + " \"other\": 1}}");
    }

    @Test
    void aVarsFileLoadedWholeAgainIsLoadedOnceAsInDvc() throws Exception {
        write("params.yaml", "lr: 1\n");
        write("v.yaml", "a: 1\nb: 2\n");
        write(
                "dvc.yaml",
                "vars: [params.yaml, ./params.yaml, v.yaml, 'v.yaml:', v.yaml]\nstages:\n  s:\n    vars: [v.yaml]\n"
                        + "    cmd: echo ${lr} ${a}\n");
        assertThat(metrics().optionalError()).isEmpty();

        write("dvc.yaml", "vars: ['v.yaml:a', 'v.yaml:b,b']\nstages:\n  s:\n    cmd: echo ${a} ${b}\n");
        assertThat(metrics().optionalError()).isEmpty();
    }

    @Test
    void aVarsFileLoadedWholeAndByKeysIsDvcsVarsAlreadyLoaded() throws Exception {
        write("v.yaml", "a: 1\nb: 2\n");
        write("dvc.yaml", "vars: [v.yaml, 'v.yaml:a']\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse 'vars' in 'dvc.yaml':\ncannot partially load 'v.yaml:a' as it's already"
                        + " loaded.");
        write("dvc.yaml", "vars: ['v.yaml:a', v.yaml]\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse 'vars' in 'dvc.yaml':\ncannot load 'v.yaml' as it's partially loaded"
                        + " already");
        write("dvc.yaml", "vars: ['v.yaml:a,b', 'v.yaml:b']\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse 'vars' in 'dvc.yaml':\ncannot load 'v.yaml:b' as it's partially loaded"
                        + " already");
        write(
                "dvc.yaml",
                "vars: [v.yaml]\nstages:\n  s:\n    foreach: [1]\n    do:\n      vars: ['./v.yaml:b']\n"
                        + "      cmd: echo\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse 'stages.s@1.vars' in 'dvc.yaml':\ncannot partially load './v.yaml:b' as"
                        + " it's already loaded.");
    }

    @Test
    void aNameDefinedTwiceIsDvcsMergeErrorNamingBothSources() throws Exception {
        write("params.yaml", "lr: 1\n");
        write("sub/v.yaml", "a: 1\nn:\n  x: 1\n");
        write("sub/w.yaml", "a: 3\nn:\n  x: 5\n");
        write("sub/dvc.yaml", "vars: [v.yaml, 'w.yaml:n']\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse 'vars' in 'sub/dvc.yaml':\ncannot redefine 'n.x' from 'sub/w.yaml' as it"
                        + " already exists in 'sub/v.yaml'");
        write("sub/dvc.yaml", "vars: [{a: 5}, v.yaml]\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse 'vars' in 'sub/dvc.yaml':\ncannot redefine 'a' from 'sub/v.yaml' as it"
                        + " already exists in 'vars[0]'");
        write("sub/dvc.yaml", "vars: [{n: {y: 1}}, {n: 2}]\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse 'vars' in 'sub/dvc.yaml':\ncannot redefine 'n' from 'vars[1]' as it"
                        + " already exists in 'vars[0]'");
        write("dvc.yaml", "vars: [{lr: 2}]\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse 'vars' in 'dvc.yaml':\ncannot redefine 'lr' from 'vars[0]' as it already"
                        + " exists in 'params.yaml'");
        write("dvc.yaml", "stages:\n  s:\n    vars: [sub/v.yaml, {n: {y: 1, x: 2}}]\n    cmd: echo\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse stage 's' in 'dvc.yaml':\ncannot redefine 'n.x' from 's.vars[1]' as it"
                        + " already exists in 'sub/v.yaml'");
    }

    /**
     * DVC 3.67.1 clones the context for a stage with vars, and the clone's mappings and lists name no source: a stage
     * var redefining one says {@code 'None'}; a value, or a list of the stage's own vars, keeps its source.
     */
    @Test
    void aStageVarRedefiningAMappingOrListOfTheOuterVarsIsAMergeErrorNamingNone() throws Exception {
        write("params.yaml", "n:\n  x: 1\nl: [1]\nk: 3\n");
        String stage = "stages:\n  s:\n    vars: [%s]\n    cmd: echo\n";
        write("dvc.yaml", stage.formatted("{n: 5}"));
        assertThat(resolveError())
                .isEqualTo("failed to parse stage 's' in 'dvc.yaml':\ncannot redefine 'n' from 's.vars[0]' as it"
                        + " already exists in 'None'");
        write("dvc.yaml", stage.formatted("{l: 5}"));
        assertThat(resolveError()).endsWith("cannot redefine 'l' from 's.vars[0]' as it already exists in 'None'");
        write("dvc.yaml", stage.formatted("{n: {x: {y: 1}}}"));
        assertThat(resolveError())
                .endsWith("cannot redefine 'n.x' from 's.vars[0]' as it already exists in 'params.yaml'");
        write("dvc.yaml", stage.formatted("{k: [1]}"));
        assertThat(resolveError())
                .endsWith("cannot redefine 'k' from 's.vars[0]' as it already exists in 'params.yaml'");
        write("dvc.yaml", stage.formatted("{m: [1]}, {m: 2}"));
        assertThat(resolveError()).endsWith("cannot redefine 'm' from 's.vars[1]' as it already exists in 's.vars[0]'");
    }

    @Test
    void stageVarsMayNotDefineTheNamesForeachAndMatrixBind() throws Exception {
        write("ik.yaml", "item: 1\nkey: 2\n");
        write("dvc.yaml", "stages:\n  s:\n    foreach: [1]\n    do:\n      vars: [{item: 3}]\n      cmd: echo\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse stage 's@1' in 'dvc.yaml': attempted to modify reserved key item");
        write(
                "dvc.yaml",
                "stages:\n  s:\n    foreach: {x: 1}\n    do:\n      vars: ['ik.yaml:key,item']\n      cmd: echo\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse stage 's@x' in 'dvc.yaml': attempted to modify reserved keys item and key"
                        + " in 'ik.yaml:key,item'");
        write("dvc.yaml", "stages:\n  s:\n    matrix: {a: [1]}\n    vars: [ik.yaml]\n    cmd: echo\n");
        assertThat(resolveError())
                .isEqualTo("failed to parse stage 's@1' in 'dvc.yaml': attempted to modify reserved keys key and item"
                        + " in 'ik.yaml'");
        write("dvc.yaml", "stages:\n  s:\n    foreach: [1]\n    do:\n      vars: [{key: 3}]\n      cmd: echo\n");
        assertThat(metrics().optionalError()).isEmpty();
    }

    @Test
    void aDirectoryWhereAVarsFileIsExpectedIsDvcsParamsLoadError() throws Exception {
        write("params.yaml/x", "");
        write("dvc.yaml", "stages:\n  s:\n    cmd: echo\n");
        assertThat(resolveError()).isEqualTo("failed to parse 'vars' in 'dvc.yaml': 'params.yaml' is a directory");
        write("sub/dvc.yaml", "vars: [v]\n");
        write("sub/v/x", "");
        write("sub/params.yaml", "a: 1\n");
        Files.delete(root.resolve("params.yaml/x"));
        Files.delete(root.resolve("params.yaml"));
        assertThat(resolveError()).isEqualTo("failed to parse 'vars' in 'sub/dvc.yaml': 'sub/v' is a directory");
    }

    @Test
    void aDirectoryWhereParamsFilesAreExpectedStandsForTheFilesBelowItAsInDvc() throws Exception {
        write("dvc.yaml", "params:\n- p\nstages:\n  s:\n    cmd: echo\n    params:\n    - q:\n      - a\n");
        write("p/b.yaml", "a: 1\nb: 2\n");
        write("q/c.yaml", "a: 3\nz: 4\n");
        write("q/d/e.json", "{\"a\": 5}");

        assertThat(json(params(List.of(), false)))
                .isEqualTo(
                        "{\"q/c.yaml\": {\"a\": 3}, \"q/d/e.json\": {\"a\": 5}, \"p/b.yaml\": {\"a\": 1, \"b\": 2}}");
        assertThat(json(params(List.of("q"), false)))
                .isEqualTo("{\"q/c.yaml\": {\"a\": 3, \"z\": 4}, \"q/d/e.json\": {\"a\": 5}}");
    }

    @Test
    void paramsTargetsAreWholeFilesOnly() throws Exception {
        write("params.yaml", "a: 1\n");
        write("other.json", "{\"b\": 2}");

        assertThat(json(params(List.of("other.json"), false))).isEqualTo("{\"other.json\": {\"b\": 2}}");
    }

    @Test
    void missingParamsKeyIsSilentAndMissingFileIsAnError() throws Exception {
        write("dvc.yaml", "stages:\n  s:\n    cmd: x\n    params:\n    - nothere\n    - gone.yaml:\n      - a\n");
        write("params.yaml", "a: 1\n");

        RevisionData data = params(List.of(), true);

        assertThat(data.files().get("params.yaml")).isEqualTo(new FileResult.Data(Value.Dict.empty()));
        assertThat(data.files().get("gone.yaml"))
                .isInstanceOfSatisfying(FileResult.Failure.class, f -> assertThat(f.message())
                        .isEqualTo("[Errno 2] No such file or directory: 'gone.yaml'"));
    }

    @Test
    void duplicatedFlatKeyIsAFileErrorNotACrash() throws Exception {
        write("dvc.yaml", "metrics:\n- m.json\n");
        write("m.json", "{\"a.b\": 1, \"a\": {\"b\": 2}}");

        assertThat(metrics().files().get("m.json"))
                .isInstanceOfSatisfying(FileResult.Failure.class, f -> assertThat(f.message())
                        .isEqualTo("unable to read: 'm.json', duplicated key 'a.b'"));
    }

    @Test
    void resolvingPathsStaysInsideTheRepository() {
        assertThat(RepoPaths.resolve("dir", "../x.json")).contains("x.json");
        assertThat(RepoPaths.resolve("dir", "./a/../b")).contains("dir/b");
        assertThat(RepoPaths.resolve("dir", "../../x")).isEmpty();
        assertThat(RepoPaths.resolve("", "/abs")).isEmpty();
        assertThat(RepoPaths.resolve("", "C:\\x")).isEmpty();
        assertThat(RepoPaths.parent("a/b/c")).isEqualTo("a/b");
        assertThat(RepoPaths.parent("c")).isEmpty();
    }

    private RevisionData metrics() throws Exception {
        try (DvcRepository repository = DvcRepository.open(root, 1 << 20)) {
            return repository.metrics(DvcRepository.WORKSPACE, List.of());
        }
    }

    /** The message of the {@code ResolveError} that fails the workspace's metrics. */
    private String resolveError() throws Exception {
        FileResult.Failure error = metrics().optionalError().orElseThrow();
        assertThat(error.type()).isEqualTo("ResolveError");
        return error.message();
    }

    private RevisionData params(List<String> targets, boolean deps) throws Exception {
        try (DvcRepository repository = DvcRepository.open(root, 1 << 20)) {
            return repository.params(DvcRepository.WORKSPACE, targets, deps);
        }
    }

    private static String json(RevisionData data) {
        PythonJson json = new PythonJson().beginObject();
        data.files().forEach((path, result) -> json.key(path).value(((FileResult.Data) result).value()));
        return json.endObject().toString();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
