package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.dvc.MainCommit;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
import io.jenkins.plugins.gputrain.core.dvc.RealDvcExtension;
import io.jenkins.plugins.gputrain.core.dvc.generated.DifferentialSeed;
import io.jenkins.plugins.gputrain.core.dvc.generated.GeneratedRepository;
import io.jenkins.plugins.gputrain.core.dvc.generated.RepositoryGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * gpu-train against the real DVC ({@link RealDvc}) on the guide fixtures and on seeded generated repositories:
 * {@code metrics diff}, {@code params diff} and {@code metrics show}, compared by {@link DvcComparison}. A
 * generated repository with a difference is kept under {@code target/dvc-differential/} with {@code DIFFERENCES.md};
 * the seed ({@link DifferentialSeed}) is printed and can be replayed with {@code -Ddvc.differential.seed=N}.
 */
@ExtendWith(RealDvcExtension.class)
class DvcDifferentialTest {
    /** Generated repositories per run; each holds eleven commands (cases). */
    private static final int REPOSITORIES = Integer.getInteger("dvc.differential.repositories", 32);

    private static final Path OUT = Path.of("target", "dvc-differential");

    @Test
    void guideFixtures(RealDvc dvc, @TempDir Path directory) throws Exception {
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        int cases = 0;
        for (String project : List.of("celestial-bodies", "sklearn-2023")) {
            Path repository =
                    FixtureRepository.create(project, directory.resolve(project), Set.of("evaluation/metrics.json"));
            Files.createDirectories(repository.resolve(".dvc"));
            for (List<String> command : fixtureCommands()) {
                cases++;
                compare(dvc, repository, command, report)
                        .ifPresent(difference -> differences.add(project + ": " + difference));
            }
        }
        System.out.println(
                "DVC differential: " + cases + " guide fixture cases, " + differences.size() + " differences");
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * Stage vars that redefine a mapping or list of the outer vars, in {@code main} and in the workspace: DVC's
     * {@code MergeError} names {@code None} for them, and its warnings come the workspace first ({@code metrics show}
     * names the workspace {@code ''}). Standard error is
     * compared line by line once gpu-train's {@code \n} in a warning (a deliberate difference) is a line break again.
     */
    @Test
    void stageVarsRedefiningOuterVarsInBothRevisions(RealDvc dvc, @TempDir Path repository) throws Exception {
        String stage = "stages:\n  s:\n    vars: [%s]\n    cmd: echo\n    metrics: [m.json]\n    params: [n]\n";
        Files.writeString(repository.resolve("params.yaml"), "n:\n  x: 1\nl: [1]\nk: 3\n");
        Files.writeString(repository.resolve("m.json"), "{\"a\": 1}\n");
        Files.writeString(repository.resolve("dvc.yaml"), stage.formatted("{n: 5}"));
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        Files.writeString(repository.resolve("dvc.yaml"), stage.formatted("{l: [2]}, {k: {y: 1}}"));
        for (List<String> command : List.of(
                List.of("metrics", "diff", "main"),
                List.of("params", "diff", "main", "--json"),
                List.of("metrics", "show"))) {
            RealDvc.Result expected = dvc.run(repository, command);
            List<String> arguments = new ArrayList<>(command);
            arguments.addAll(List.of("-C", repository.toString()));
            CliRun actual = CliRun.of(arguments.toArray(String[]::new));
            String dvcErr = command.get(0).equals("params")
                    ? expected.err().replace("failed to load some metrics", "failed to load some params")
                    : expected.err();
            assertThat(actual.err.replace("\\n", "\n").lines().toList())
                    .as(String.join(" ", command))
                    .isEqualTo(dvcErr.lines().toList());
            assertThat(actual.exitCode).isEqualTo(expected.exitCode());
        }
    }

    /**
     * TOML metrics spelling negative zeros: as values (exponents with single underscores between digits), as keys
     * (after a comma in an inline table, after an array's end), and exponents tomlkit refuses ({@code _} not between
     * digits), each file compared by {@code metrics show} and {@code metrics diff}.
     */
    @Test
    void tomlNegativeZeroSpellings(RealDvc dvc, @TempDir Path repository) throws Exception {
        List<String> files = List.of(
                "a = -0e1_0\nb = -0.0E+1_2\nc = {x = [1], -0.0 = 2}\nd = [{x = -0.0}, -0e0]\n",
                "a = [{x = 1, -0e0 = 2}]\nb = [\n  1,\n]\n-0.0 = 3\n",
                "a = -0.0e_1\n",
                "a = -0e1_\n",
                "a = -0e1__0\n");
        StringBuilder dvcYaml = new StringBuilder("metrics:\n");
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(repository.resolve("m" + i + ".toml"), files.get(i));
            dvcYaml.append("  - m").append(i).append(".toml\n");
        }
        Files.writeString(repository.resolve("dvc.yaml"), dvcYaml);
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        Files.writeString(repository.resolve("m0.toml"), "a = 1\nb = -0.0\nc = {x = [1], -0.0 = 0}\nd = 0\n");
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (List<String> command : List.of(
                List.of("metrics", "show", "--json"),
                List.of("metrics", "show"),
                List.of("metrics", "diff", "main", "--json"))) {
            compare(dvc, repository, command, report).ifPresent(differences::add);
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * Stage params keys are {@code fnmatch} globs on each part (dpath's {@code match}): on dict keys, and on list
     * indices as text when Python's {@code int()} refuses the part; a key spelled with brackets is a class.
     */
    @Test
    void stageParamsKeysAsGlobs(RealDvc dvc, @TempDir Path repository) throws Exception {
        String params = "a: [10, 20, 30]\nb:\n  k1: 1\n  k2: 2\n  k12: 3\n  c[0]: 4\n  c0: 5\n  x-y: 6\n";
        Files.writeString(repository.resolve("params.yaml"), params);
        Files.writeString(
                repository.resolve("dvc.yaml"),
                "stages:\n  s:\n    cmd: echo\n    params: ['b.k?', 'b.c[0]', 'a.[02]', 'a.-1', 'b.[!k]*',"
                        + " 'b.x[+-]y', '*.k1[2]']\n");
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        Files.writeString(repository.resolve("params.yaml"), params.replace("1", "7"));
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (List<String> command : List.of(
                List.of("params", "diff", "main", "--deps", "--all", "--json"),
                List.of("params", "diff", "main", "--deps", "--all"))) {
            compare(dvc, repository, command, report).ifPresent(differences::add);
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * YAML keys that are ints, floats, bools or None: a metrics file of such keys only (rows and columns in
     * {@code sorted()} order, {@code json.dumps} spelling them), nested ones (text), keys Python holds equal across
     * revisions ({@code 3.0} then {@code 3}), a list of dicts with such keys; stage params keys matching them as
     * dpath does ({@code b.1} and {@code b.01} select {@code true:}, floats and None never), list indices and keys
     * in Arabic-Indic digits, and selections dpath cannot merge ({@code c} holding {@code {0: 1}}).
     */
    @Test
    void keysThatAreNotStrings(RealDvc dvc, @TempDir Path repository) throws Exception {
        String metrics = "10: 1\n2: 2\n1.5: 3\ntrue: 4\nfalse: 0\n-3: 1\n3.0: 5\n.inf: 6\n";
        String nested = "n:\n  1: 5\n  null: 7\n  1.5: 8\n  ~x: 1\n  .nan: 2\nl: [{1: a, 'true': b}]\n";
        String params = "b:\n  true: 1\n  2: 2\n  1.5: 3\n  null: 4\n  s: 5\nc:\n  0: 1\nl: [10, 20]\n";
        Files.writeString(repository.resolve("m.yaml"), metrics);
        Files.writeString(repository.resolve("n.yaml"), nested);
        Files.writeString(repository.resolve("params.yaml"), params);
        Files.writeString(repository.resolve("c.yaml"), params);
        Files.writeString(
                repository.resolve("dvc.yaml"),
                "metrics: [m.yaml, n.yaml]\nstages:\n  s:\n    cmd: echo\n    params: ['b.1', 'b.01', 'b.T*', 'b.1.5',"
                        + " 'b.None', 'b.\u0662', 'l.\u0661', 'l.-\u0661', 'l.\u00b9', {c.yaml: [c]}]\n");
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        Files.writeString(
                repository.resolve("m.yaml"), metrics.replace(": 1\n", ": 11\n").replace("3.0:", "3:"));
        Files.writeString(
                repository.resolve("n.yaml"), nested.replace(": 5", ": 55").replace("1: a", "1.5: a"));
        Files.writeString(
                repository.resolve("params.yaml"),
                params.replace(": 1\n", ": 11\n").replace("20", "40"));
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (List<String> command : List.of(
                List.of("metrics", "show", "--json"),
                List.of("metrics", "show", "m.yaml"),
                List.of("metrics", "show", "--md", "n.yaml"),
                List.of("metrics", "diff", "main", "--json"),
                List.of("metrics", "diff", "main", "--all", "--targets", "m.yaml"),
                List.of("metrics", "diff", "main", "--md", "--targets", "n.yaml"),
                List.of("params", "diff", "main", "--deps", "--all"),
                List.of("params", "diff", "main", "--deps", "--json"))) {
            compare(dvc, repository, command, report).ifPresent(differences::add);
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * Values stages interpolate from a vars file are params of that file under the value's own path in it ({@code l.1}
     * for {@code ${l[1]}}, as for {@code ${l[-1]}} or {@code ${l[01]}} in {@link #namesLookedUpAsDvcsContextReadsThem}),
     * a key taken as written, not as a glob ({@code ${x*}}).
     */
    @Test
    void trackedVarsUnderTheNamesLookedUp(RealDvc dvc, @TempDir Path repository) throws Exception {
        Files.writeString(repository.resolve("v.yaml"), "x*: 1\nxa: 2\nl: [5, 6]\nd: {a: 1, b: 2}\n");
        Files.writeString(
                repository.resolve("dvc.yaml"), "vars:\n- v.yaml\nstages:\n  t:\n    cmd: echo ${x*} ${l[1]} ${d.a}\n");
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        Files.writeString(
                repository.resolve("dvc.yaml"), "vars:\n- v.yaml\nstages:\n  t:\n    cmd: echo ${x*} ${l.0} ${d.b}\n");
        Files.writeString(repository.resolve("v.yaml"), "x*: 7\nxa: 2\nl: [5, 6]\nd: {a: 1, b: 3}\n");
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (List<String> command : List.of(
                List.of("params", "diff", "main", "--all"),
                List.of("params", "diff", "main", "--all", "--deps", "--json"))) {
            compare(dvc, repository, command, report).ifPresent(differences::add);
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * A string is replaced by the typed value looked up only when one {@code ${…}} is the whole of it (DVC's
     * {@code is_exact_string}); {@code ${a}${b}}, {@code ${a}-${b}}, {@code x${a}} are text ({@code to_str}:
     * {@code true}, {@code None}), and every {@code \${} is then {@code ${}, a value's own too.
     */
    @Test
    void severalExpressionsInOneStringAreText(RealDvc dvc, @TempDir Path repository) throws Exception {
        Files.writeString(repository.resolve("v.yaml"), "a: 1\nb: true\nn: null\ne: '\\${a}'\n");
        Files.writeString(
                repository.resolve("dvc.yaml"),
                "vars: [v.yaml]\nmetrics:\n- ${a}-${b}.json\n- x${a}.json\n- \\${a}.json\n- ${e}${a}.json\n"
                        + "- ${n}${n}.json\nstages:\n  t:\n    cmd: echo ${a}${b} ${n}\n    desc: ${a}-${b}\n"
                        + "  u:\n    cmd: echo\n    wdir: ${a}${a}\n    metrics: [m.json]\n");
        for (String file : List.of("1-true.json", "x1.json", "${a}.json", "${a}1.json", "NoneNone.json", "11/m.json")) {
            Files.createDirectories(repository.resolve(file).getParent());
            Files.writeString(repository.resolve(file), "{\"f\": \"" + file + "\"}\n");
        }
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        Files.writeString(repository.resolve("v.yaml"), "a: 1\nb: true\nn: null\ne: '\\${a}'\nz: 0\n");
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (List<String> command :
                List.of(List.of("metrics", "show", "--json"), List.of("params", "diff", "main", "--all", "--json"))) {
            compare(dvc, repository, command, report).ifPresent(differences::add);
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * Names as DVC's context parses and looks them up: {@code l[-1]}, {@code d[a]}, {@code d. b}, {@code l[01]},
     * {@code l[ 0 ]}, each tracked under the value's own path ({@code l.2}, {@code l.1}); an index past the end or
     * too large for a long is {@code Could not find 'l.5'}; a name pyparsing refuses is DVC's {@code ParseError}; a
     * top-level entry that fails is named by its index ({@code 'params.1'}), the stages failing first, then the
     * top-level metrics, plots and params; every name of a stage is parsed before any is looked up.
     */
    @Test
    void namesLookedUpAsDvcsContextReadsThem(RealDvc dvc, @TempDir Path repository) throws Exception {
        Files.writeString(repository.resolve("v.yaml"), "l: [5, 6, 7]\nd: {a: x, b: 2}\n");
        String stages = "vars: [v.yaml]\nmetrics: [m.json]\nstages:\n  t:\n    cmd: echo %s\n";
        Files.writeString(repository.resolve("dvc.yaml"), stages.formatted("${l[0]}"));
        Files.writeString(repository.resolve("m.json"), "{\"a\": 1}\n");
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        Files.writeString(repository.resolve("v.yaml"), "l: [5, 8, 9]\nd: {a: y, b: 3}\n");
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (String cmd : List.of(
                "\nparams: [v.yaml, '${l[7]}']\nplots: [m.json, '${l[8]}']\n",
                "\nparams: [v.yaml, '${l[7]}']\n",
                "${l[9]}\nmetrics: [m.json, '${l[7]}']\n",
                "${nope}\n    desc: ${d..a}\n",
                "${l[-1]} ${d[a]} ${d. b} ${l[01]} ${ l [ 0 ] }",
                "${l[5]}",
                "${l[99999999999999999999]}",
                "${l[-4]}",
                "${d..a}",
                "'${}'",
                "${d[a]b}")) {
            Files.writeString(repository.resolve("dvc.yaml"), stages.formatted(cmd));
            for (List<String> command : List.of(
                    List.of("params", "diff", "main", "--all", "--json"), List.of("metrics", "show", "--json"))) {
                compare(dvc, repository, command, report).ifPresent(differences::add);
            }
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * {@code foreach}/{@code matrix} items that are values of the variables keep their source ({@code ${item}} over
     * {@code ${flags}} tracks {@code flags.2}, over {@code ['${a}']} tracks {@code a}) and name their stage with
     * Python's {@code str()} ({@code f@True}); items alike in {@code to_str} are one stage, the last kept; keys of the
     * variables that are not strings are left out; a {@code wdir} from a null reads the stage's vars from {@code None/}.
     */
    @Test
    void foreachItemsKeepTheirSourceAndWdirIsToStr(RealDvc dvc, @TempDir Path repository) throws Exception {
        Files.writeString(
                repository.resolve("v.yaml"),
                "flags: [true, 1, '1', 1.0, null]\na: 3\nb: 4\nn: null\nt: true\ndd: {1: one, 2.5: t, k: v}\n");
        Files.writeString(repository.resolve("v.py"), "D = {1: {1, 2}, 'k': 5}\n");
        Files.createDirectories(repository.resolve("None"));
        Files.writeString(repository.resolve("None/w.yaml"), "x: 1\n");
        String stages = "vars: [v.yaml, v.py]\nstages:\n  f:\n    foreach: ${flags}\n    do:\n      cmd: echo ${item}\n"
                + "  g:\n    foreach: ['${a}', 5, 5]\n    do:\n      cmd: echo ${item}\n"
                + "  h:\n    matrix:\n      p: ${flags}\n      q: ['${b}', 5]\n    cmd: echo ${item.p} ${item.q}\n"
                + "  j:\n    foreach: ${dd}\n    do:\n      cmd: echo ${key} ${D.k}\n      metrics:\n      - ${key}.json\n";
        Files.writeString(repository.resolve("dvc.yaml"), stages);
        Files.writeString(repository.resolve("k.json"), "{\"a\": 1}\n");
        Files.writeString(repository.resolve("w.json"), "{\"w\": 1}\n");
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        Files.writeString(
                repository.resolve("v.yaml"),
                "flags: [true, 1, '2', 1.0, null]\na: 6\nb: 7\nn: null\nt: true\ndd: {1: one, 2.5: t, k: v}\n");
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (String stage : List.of(
                "",
                "  z:\n    foreach: ${flags}\n    do:\n      cmd: ${item} ${nope}\n",
                "  z:\n    foreach: [true, 2]\n    do:\n      cmd: ${item} ${nope}\n",
                "  z:\n    matrix:\n      p: ${flags}\n    cmd: ${nope}\n",
                "  z:\n    foreach: ${nope}\n    do:\n      cmd: echo\n",
                "  z:\n    matrix:\n      p: ${nope}\n    cmd: echo\n",
                "  z:\n    foreach: [1]\n    do:\n      cmd: echo ${nope}\n      desc: ${d..a}\n",
                "  w:\n    wdir: ${n}\n    vars: [w.yaml]\n    cmd: echo ${x}\n    metrics: [w.json]\n",
                "  w:\n    wdir: ${t}\n    vars: [w.yaml]\n    cmd: echo ${x}\n")) {
            Files.writeString(repository.resolve("dvc.yaml"), stages + stage);
            for (List<String> command : List.of(
                    List.of("params", "diff", "main", "--all", "--json"), List.of("metrics", "show", "--json"))) {
                compare(dvc, repository, command, report).ifPresent(differences::add);
            }
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * A lookup that finds a mapping tracks nothing (DVC's {@code Container.get_sources}), one inside it or inside a list
     * its own name ({@code l.0.a}, {@code m.1.x} through {@code item}); a stage field may interpolate only a scalar or
     * null, {@code cmd} also a mapping (DVC's {@code validate_value}): a list in {@code cmd} or {@code outs}, or a mapping
     * in {@code desc}, fails the revision.
     */
    @Test
    void trackedMappingsNothingAndStageFieldsScalarsOnly(RealDvc dvc, @TempDir Path repository) throws Exception {
        String vars =
                "l: [{a: 1}]\nm: [{x: 1}, {x: 2}]\nd: {a: 1, b: 2}\nn: {e: {f: 1}}\ns: 1\nw: [x]\n" + "f: m.json\n";
        Files.writeString(repository.resolve("v.yaml"), vars);
        String stages =
                "vars:\n- v.yaml\nmetrics:\n- ${f}\nstages:\n  t:\n    cmd: echo ${l[0]} ${l[0].a} ${d} ${n.e} ${s}\n"
                        + "  u:\n    foreach: ${m}\n    do:\n      cmd: echo ${item} ${item.x}\n";
        Files.writeString(repository.resolve("dvc.yaml"), stages);
        Files.writeString(repository.resolve("m.json"), "{\"a\": 1}\n");
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        Files.writeString(
                repository.resolve("v.yaml"),
                vars.replace("a: 1}]", "a: 2}]")
                        .replace("x: 2", "x: 3")
                        .replace("b: 2", "b: 4")
                        .replace("f: 1", "f: 5")
                        .replace("s: 1", "s: 6"));
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        List<List<String>> commands = List.of(
                List.of("params", "diff", "main", "--all", "--json"),
                List.of("params", "diff", "main", "--deps"),
                List.of("metrics", "show", "--json"));
        for (String stage : List.of(
                "",
                "  b:\n    cmd: echo ${w}\n",
                "  b:\n    cmd: echo\n    outs:\n    - ${w}\n",
                "  b:\n    cmd: echo ${s} ${w}\n",
                "  b:\n    cmd: echo\n    desc: ${d}\n",
                "  b:\n    cmd: echo\n    wdir: ${s}\n")) {
            Files.writeString(repository.resolve("dvc.yaml"), stages + stage);
            for (List<String> command : commands) {
                compare(dvc, repository, command, report).ifPresent(differences::add);
            }
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * Diffs load what DVC's brancher visits: the workspace also in a diff of two commits (its failure to load is a
     * warning there), a revision named twice alike diffed with itself, one commit under two names under both joined
     * (an empty diff, the warning naming {@code HEAD,main}), {@code workspace} twice an unknown Git revision; with
     * targets no {@code dvc.yaml} is loaded, so none fails.
     */
    @Test
    void revisionsAsDvcsBrancherLoadsThem(RealDvc dvc, @TempDir Path repository) throws Exception {
        Files.writeString(repository.resolve("dvc.yaml"), "vars:\n- p.yaml\nmetrics:\n- m.json\nparams:\n- p.yaml\n");
        Files.writeString(repository.resolve("p.yaml"), "x: 1\n");
        Files.writeString(repository.resolve("m.json"), "{\"a\": 1}\n");
        Files.createDirectories(repository.resolve(".dvc"));
        Files.writeString(repository.resolve(".dvc/config"), "");
        MainCommit.of(repository);
        String unloadable = "x: !!set {1}\n";
        Files.writeString(repository.resolve("p.yaml"), unloadable);
        commit(repository);
        Files.writeString(repository.resolve("p.yaml"), "x: 2\n");
        Files.writeString(repository.resolve("m.json"), "{\"a\": 2}\n");
        commit(repository);
        Files.writeString(repository.resolve("p.yaml"), unloadable);
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (List<String> command : List.of(
                List.of("metrics", "diff", "HEAD~2", "HEAD"),
                List.of("metrics", "diff", "HEAD~1", "HEAD", "--all"),
                List.of("metrics", "diff", "HEAD", "HEAD", "--all"),
                List.of("metrics", "diff", "HEAD~1", "HEAD~1", "--json"),
                List.of("metrics", "diff", "HEAD", "main", "--all"),
                List.of("metrics", "diff", "HEAD~1", "main~1"),
                List.of("metrics", "diff", "workspace", "workspace"),
                List.of("metrics", "diff", "HEAD~2"),
                List.of("params", "diff", "HEAD~2", "HEAD", "--json"),
                List.of("params", "diff", "HEAD~1", "HEAD~1", "--all"),
                List.of("metrics", "diff", "HEAD~2", "HEAD", "--targets", "m.json"),
                List.of("metrics", "diff", "HEAD", "--targets", "m.json"),
                List.of("params", "diff", "HEAD", "--targets", "p.yaml", "--json"),
                List.of("metrics", "show", "m.json"))) {
            compare(dvc, repository, command, report).ifPresent(differences::add);
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * Directory targets and the {@code dvc.yaml} walk leave out what DVC leaves out, in the workspace and in {@code
     * main}: DVC's default ignores ({@code .hg/} at any depth), a subrepository (a directory holding {@code .dvc},
     * whose {@code dvc.yaml} is not loaded either), what a {@code .dvcignore} below the root ignores (unless a
     * {@code .dvcignore} above ignores that file), DVC's own files ({@code dvc.yaml}, {@code *.dvc},
     * {@code .dvcignore}; {@code dvc.lock} is listed) and an ignored {@code params.yaml}; an ignored directory named as
     * a target is read as a file ({@code IsADirectoryError}), an ignored file named as one is read.
     */
    @Test
    void directoryTargetsLeaveOutWhatDvcIgnores(RealDvc dvc, @TempDir Path repository) throws Exception {
        String value = "{\"v\": 1}\n";
        for (String file : List.of(
                "m/a.json",
                "m/.hg/h.json",
                "m/sub/s.json",
                "m/ig/i.json",
                "m/k.json",
                "m/sub2/t.json",
                "m/deep/d.json",
                ".hg/h.json",
                "top.json")) {
            write(repository, file, value);
        }
        write(repository, "m/sub/.dvc/config", "");
        write(repository, "m/sub/dvc.yaml", "metrics: [s.json]\n");
        write(repository, ".hg/dvc.yaml", "metrics: [h.json]\n");
        write(repository, "m/.dvcignore", "ig/\nk.json\n");
        write(repository, "m/deep/.dvcignore", "*.json\n");
        write(repository, ".dvcignore", "m/deep/.dvcignore\nparams.yaml\n");
        write(repository, "m/x.dvc", "outs: []\n");
        write(repository, "m/sub2/dvc.yaml", "metrics: [t.json]\n");
        write(repository, "m/sub2/dvc.lock", "schema: '2.0'\nstages: {}\n");
        write(repository, "params.yaml", "p: 1\n");
        write(repository, "dvc.yaml", "metrics: [top.json]\n");
        write(repository, ".dvc/config", "");
        MainCommit.of(repository);
        for (String file :
                List.of("m/a.json", "m/sub/s.json", "m/ig/i.json", "m/k.json", "m/sub2/t.json", "m/deep/d.json")) {
            write(repository, file, value.replace('1', '2'));
        }
        write(repository, "params.yaml", "p: 2\n");
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (List<String> command : List.of(
                List.of("metrics", "show", "m", "--json"),
                List.of("metrics", "show", "--json"),
                List.of("metrics", "diff", "main", "--targets", "m", "--json"),
                List.of("metrics", "diff", "main", "--targets", "m", ".", "--all"),
                List.of("params", "diff", "main", "--targets", "m"),
                List.of("params", "diff", "main", "--json"),
                List.of("metrics", "show", "m/ig", "m/sub", "m/.hg", "m/k.json", "m/sub/s.json", "m/x.dvc", "--json"),
                List.of("metrics", "show", "m/ig", "m/k.json"))) {
            compare(dvc, repository, command, report).ifPresent(differences::add);
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    /**
     * A revision whose {@code dvc.yaml} fails to load, with targets: DVC cannot expand a directory target (its file
     * system needs the project), reads it as a file ({@code IsADirectoryError}), and fails a target the tree lacks with
     * the project's error; the other targets are read.
     */
    @Test
    void directoryTargetsWhereTheProjectDoesNotLoad(RealDvc dvc, @TempDir Path repository) throws Exception {
        write(repository, "m/x.json", "{\"a\": 1}\n");
        write(repository, "m/y.json", "{\"b\": 2}\n");
        write(repository, "dvc.yaml", "stages:\n  s:\n    cmd: echo\n    foo: [\n");
        write(repository, ".dvc/config", "");
        MainCommit.of(repository);
        write(repository, "m/x.json", "{\"a\": 3}\n");
        List<String> differences = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (List<String> command : List.of(
                List.of("metrics", "show", "m"),
                List.of("metrics", "show", "m", "--json"),
                List.of("metrics", "show", "m/x.json", "m", "nope.json", "--json"),
                List.of("metrics", "show", ".", "--json"),
                List.of("metrics", "show", "m/x.json", "m"),
                List.of("metrics", "diff", "main", "--targets", "m"),
                List.of("metrics", "diff", "main", "--targets", "m", "m/x.json", "--json"),
                List.of("params", "diff", "main", "--targets", "m", "--json"),
                List.of("params", "diff", "main", "--targets", "m/y.json", "m", "--all"))) {
            compare(dvc, repository, command, report).ifPresent(differences::add);
        }
        assertThat(differences).as(report.toString()).isEmpty();
    }

    private static void write(Path repository, String file, String content) throws IOException {
        Path path = repository.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private static void commit(Path repository) throws Exception {
        try (Git git = Git.open(repository.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("next")
                    .setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com")
                    .setSign(false)
                    .call();
        }
    }

    @Test
    void generatedRepositories(RealDvc dvc) throws Exception {
        long seed = DifferentialSeed.current();
        System.out.println("DVC differential: seed " + seed + " (replay with -Ddvc.differential.seed=" + seed + ")");
        RepositoryGenerator generator = new RepositoryGenerator(seed);
        Path runDirectory = OUT.resolve(String.valueOf(seed)).toAbsolutePath();
        List<String> differences = new ArrayList<>();
        int cases = 0;
        for (int index = 0; index < REPOSITORIES; index++) {
            Path directory = runDirectory.resolve("repo-" + index);
            delete(directory);
            GeneratedRepository repository = generator.create(directory, index);
            StringBuilder report = new StringBuilder();
            for (List<String> command : repository.commands()) {
                cases++;
                Optional<String> difference = compare(dvc, directory, command, report);
                difference.ifPresent(text -> differences.add(directory.getFileName() + ": " + text));
            }
            if (report.isEmpty()) {
                delete(directory);
            } else {
                Files.writeString(
                        directory.resolve("DIFFERENCES.md"),
                        "# Differences (seed " + seed + ", " + directory.getFileName() + ")\n\nRun in this directory"
                                + " with dvc==" + RealDvc.VERSION + " and gpu-train.\n\n" + report,
                        StandardCharsets.UTF_8);
            }
        }
        System.out.println("DVC differential: seed " + seed + ", " + cases + " generated cases in " + REPOSITORIES
                + " repositories, " + differences.size() + " differences"
                + (differences.isEmpty() ? "" : " (repositories kept in " + runDirectory + ")"));
        assertThat(cases).isGreaterThanOrEqualTo(300);
        assertThat(differences)
                .as("seed " + seed + " (replay with -Ddvc.differential.seed=" + seed + "), repositories kept in "
                        + runDirectory)
                .isEmpty();
    }

    private static List<List<String>> fixtureCommands() {
        return List.of(
                List.of("metrics", "diff", "main", "--json"),
                List.of("metrics", "diff", "main", "--md"),
                List.of("metrics", "diff", "main", "--all"),
                List.of("metrics", "diff", "main", "--md", "--no-path", "--precision", "3"),
                List.of("params", "diff", "main", "--json"),
                List.of("params", "diff", "main", "--md"),
                List.of("params", "diff", "main", "--all", "--deps"),
                List.of("params", "diff", "main", "--md", "--targets", "params.yaml"),
                List.of("metrics", "show", "--json"),
                List.of("metrics", "show", "--md"),
                List.of("metrics", "show"),
                List.of("metrics", "diff", "no-such-revision", "--json"),
                List.of("params", "diff", "main", "no-such-revision"));
    }

    private static Optional<String> compare(RealDvc dvc, Path repository, List<String> command, StringBuilder report)
            throws IOException {
        RealDvc.Result expected = dvc.run(repository, command);
        List<String> arguments = new ArrayList<>(command);
        arguments.add("-C");
        arguments.add(repository.toString());
        CliRun actual = CliRun.of(arguments.toArray(String[]::new));
        Optional<String> difference = DvcComparison.difference(command, expected, actual);
        difference.ifPresent(text -> report.append("## `dvc ")
                .append(String.join(" ", command))
                .append("`: ")
                .append(text)
                .append("\n\nDVC (exit ")
                .append(expected.exitCode())
                .append("):\n\n```\n")
                .append(expected.out())
                .append(expected.err())
                .append("```\n\ngpu-train (exit ")
                .append(actual.exitCode)
                .append("):\n\n```\n")
                .append(actual.out)
                .append(actual.err)
                .append("```\n\n"));
        return difference.map(text -> "dvc " + String.join(" ", command) + ": " + text);
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
