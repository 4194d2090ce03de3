package io.jenkins.plugins.gputrain.core.dvc.generated;

import io.jenkins.plugins.gputrain.core.dvc.generated.DataFile.FloatText;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Seeded generator of DVC repositories for differential tests: metrics in JSON, YAML and TOML, params in YAML, JSON,
 * TOML and Python (see {@link DataFile} for the native YAML and Python syntax it uses); nested keys, keys with dots,
 * spaces, non-ASCII, {@code :}, {@code #} and empty keys, nested YAML keys that are ints, floats, bools or null; ints, floats, NaN and infinities, bools, strings (also
 * multi-line, with control, wide and combining characters), lists, null, TOML dates and times, Python sets; files
 * that are a scalar or a list;
 * keys added, removed and changed, files added, deleted and unparsable; two {@code dvc.yaml} with templating,
 * {@code vars}, {@code foreach}, stage {@code params} and {@code wdir}. Revision {@code main}, then branch
 * {@code exp} (checked out, {@code HEAD}), then uncommitted changes in the workspace.
 */
public final class RepositoryGenerator {
    private static final List<String> KEYS = List.of(
            "acc",
            "loss",
            "f1",
            "Z",
            "a.b",
            "with space",
            "ünï",
            "日本",
            "x_1",
            "10",
            "2",
            "lr",
            "b",
            "a:b",
            "#c",
            "",
            "yes",
            "on",
            "null",
            // Python sorts by code point: U+1F600 after U+FF41, though its UTF-16 surrogates come before it.
            "\ud83d\ude00",
            "\uff41",
            "\uff41\ud83d\ude00");
    /** Python identifiers; {@code ﬁle} is {@code file} once NFKC-normalised, as Python reads it. */
    private static final List<String> IDENTIFIERS =
            List.of("acc", "loss", "f1", "Z", "ünï", "x_1", "lr", "b", "\ufb01le");

    /**
     * Keys YAML reads as an int, a float, a bool or None, written into nested YAML mappings, where DVC flattens them
     * to text ({@code n.True}, {@code n.inf}) and {@code metrics show --json} writes them as {@code json.dumps} does
     * ({@code "true"}, {@code "Infinity"}, {@code "31"}). No two Python holds equal (a duplicate key), none printing
     * as a string key of {@link #KEYS} does; not at the top level, where DVC's {@code sorted()} of them with string
     * keys crashes (docs/dvc-reports.md).
     */
    private static final List<DataFile.YamlPlain> YAML_TYPED_KEYS = List.of(
            new DataFile.YamlPlain("7"),
            new DataFile.YamlPlain("-3"),
            new DataFile.YamlPlain("1.5"),
            new DataFile.YamlPlain("true"),
            new DataFile.YamlPlain("False"),
            new DataFile.YamlPlain("~"),
            new DataFile.YamlPlain(".inf"),
            new DataFile.YamlPlain("0x1F"),
            new DataFile.YamlPlain("2.0"));

    private static final List<String> FLOATS = List.of(
            "0.1",
            "-0.0",
            "1e-07",
            "1.5e-10",
            "1e+300",
            "-2.5e+20",
            "0.3333333333333333",
            "0.6666666666666666",
            "123.456",
            "1.0",
            "100.0",
            "3.0000000000000004",
            "0.30000000000000004",
            "0.5",
            "2.675",
            "1.0000005");

    private static final List<String> TOML_DATES = List.of(
            "1979-05-27T07:32:00Z",
            "1979-05-27T00:32:00.999999-07:00",
            "1979-05-27T07:32:00.5+05:30",
            "1979-05-27 07:32:00",
            "1979-05-27",
            "0001-01-01",
            "07:32:00",
            "00:32:00.25");
    /**
     * Plain YAML scalars ruamel.yaml's YAML 1.2 resolver reads as ints, floats or (.5e3, 1e_5) strings; not timestamps:
     * DVC fails the revision on them (docs/dvc-reports.md).
     */
    private static final List<String> YAML_PLAIN = List.of(
            "0b101",
            "0b1_0",
            "-0b11",
            "+0x1F",
            "0x_1F",
            "0o17",
            "017",
            "1_",
            "1_0.5",
            "1_000.0_1",
            ".5e3",
            "1e_5",
            "+.5",
            "1:20",
            "1:20.5",
            "-1:20",
            "0:20",
            "08");

    /**
     * Explicitly tagged YAML values, written into YAML files only: bytes, an ordered map, scalars forced to a type. No
     * set: in a templated params.yaml DVC then also warns about the workspace in a diff of two commits
     * (docs/dvc-reports.md); sets are compared in YamlAsRuamelTest.
     */
    private static final List<String> YAML_TAGGED = List.of(
            "!!binary aGVsbG8=",
            "!!binary 'aGV sbG8='",
            "!!str 017",
            "!!int '0x1F'",
            "!!float '1'",
            "!!bool 'yes'",
            "!!null ''",
            "!!omap [x: 1, y: 2]");

    private static final List<String> STRINGS = List.of(
            "adam",
            "with space",
            "ünï",
            "1.0",
            "yes",
            "off",
            "No",
            "",
            "a|b",
            "a: b",
            "#hash",
            " padded ",
            "two\nlines",
            "three\n\nlines",
            "tab\tx",
            "bell\u0007",
            "e\u0301",
            "日本語",
            "ｆｕｌｌ");

    /**
     * Python literals with string prefixes and escapes, as their source: raw and unicode strings are {@code str},
     * bytes print as their {@code repr}, f-strings are not literals (DVC skips the name).
     */
    private static final List<String> PYTHON_LITERALS = List.of(
            "r\"a\\nb\"",
            "R'\\d+' 'x'",
            "u\"uni\"",
            "U'up' \"per\"",
            "b\"by\\x00t'e\"",
            "rb\"raw\\n\"",
            "Br'q\\x'",
            "bR\"x\" b'\\xff\\n'",
            "RB\"y\"",
            "b\"\"",
            "[b'a', 'b']",
            "(rb'\\t',)",
            "{'k': b'v'}",
            "f\"fs\"",
            "rf\"zz\"",
            "F\"{1}\"",
            "'a' f'b'",
            "[f'x', 1]",
            "\"\\101\\0\"",
            "\"\\N{BULLET}\"",
            "\"\\012x\"",
            "b'\\N{BULLET}\\u00e9'",
            "1, 2",
            "'a',",
            "set()",
            "1j",
            "1+2j",
            "-1j",
            "-0.0+1j",
            "1.5-2J",
            "...",
            "5.",
            "1_0e1_0",
            "0x_f",
            ".5j",
            "-(1)",
            "+-1",
            "+'a'",
            "-(-1)",
            "2j+1",
            "{1, [1]}",
            "{1: 'a', 1.0: 'b', True: 'c'}",
            "{1.0: 'a', 1: 'b'}",
            // not a key 0 (0, -0.0, False, 0j): a stage selecting such a dict fails in DVC's dpath
            // (docs/dvc-reports.md)
            "{2: 1, 2.0: 2, 2+0j: 3}",
            "{(0, 1): 1, (-0.0, True): 2}",
            "{(1, 2): 1, (1.0, 2+0j): 2}",
            "{'k': {2: 1, 2.0: 2}}",
            "{1, 1.0, True, 1+0j}");

    private final long seed;

    /** A generator; the same seed gives the same repositories. */
    public RepositoryGenerator(long seed) {
        this.seed = seed;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /**
     * Writes repository number {@code index} into an empty directory.
     *
     * @return the repository and the commands to compare on it
     */
    public GeneratedRepository create(Path directory, int index) throws IOException {
        Random random = new Random(seed * 1_000_003L + index);
        Project project = new Project(random);
        try (Git git = Git.init()
                .setDirectory(directory.toFile())
                .setInitialBranch("main")
                .call()) {
            Files.createDirectories(directory.resolve(".dvc"));
            Files.writeString(directory.resolve(".dvc/config"), "");
            project.write(directory, 0);
            commit(git, "main");
            git.checkout().setCreateBranch(true).setName("exp").call();
            project.write(directory, 1);
            commit(git, "exp");
            project.write(directory, 2);
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        return new GeneratedRepository(directory, project.commands());
    }

    private static void commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        git.commit()
                .setMessage(message)
                .setAuthor("generator", "generator@example.com")
                .setCommitter("generator", "generator@example.com")
                .setSign(false)
                .call();
    }

    /** The files of one repository over its three revisions. */
    private static final class Project {
        private final Random random;
        private final List<GeneratedFile> metrics = new ArrayList<>();
        private final List<GeneratedFile> params = new ArrayList<>();
        private final List<String> dvcYaml = new ArrayList<>();
        private final List<String> subDvcYaml = new ArrayList<>();
        private final List<String> foreachItems = List.of("a", "b");
        private final boolean foreach;

        Project(Random random) {
            this.random = random;
            foreach = random.nextBoolean();
            params.add(new GeneratedFile("params.yaml", DataFile.YAML, revisions(DataFile.YAML, true)));
            int extraParams = random.nextInt(3);
            for (int i = 0; i < extraParams; i++) {
                // Python twice: its literals (prefixes, escapes, bytes) are the most varied.
                DataFile format =
                        pick(List.of(DataFile.JSON, DataFile.TOML, DataFile.PYTHON, DataFile.PYTHON, DataFile.YAML));
                params.add(new GeneratedFile("cfg" + i + format.suffix, format, revisions(format, false)));
            }
            int metricFiles = 1 + random.nextInt(3);
            for (int i = 0; i < metricFiles; i++) {
                DataFile format = pick(List.of(DataFile.JSON, DataFile.YAML, DataFile.TOML));
                String dir = pick(List.of("", "eval/", "eval/deep/"));
                metrics.add(new GeneratedFile(dir + "m" + i + format.suffix, format, revisions(format, false)));
            }
            if (foreach) {
                DataFile format = pick(List.of(DataFile.JSON, DataFile.YAML));
                for (String item : foreachItems) {
                    metrics.add(new GeneratedFile("eval/" + item + format.suffix, format, revisions(format, false)));
                }
            }
            if (random.nextBoolean()) {
                metrics.add(new GeneratedFile("sub/s.json", DataFile.JSON, revisions(DataFile.JSON, false)));
            }
            describe();
        }

        /** The dvc.yaml files: top-level metrics, a stage with params and templating, foreach, a wdir stage. */
        private void describe() {
            List<GeneratedFile> topLevel = new ArrayList<>();
            List<GeneratedFile> staged = new ArrayList<>();
            List<GeneratedFile> looped = new ArrayList<>();
            GeneratedFile sub = null;
            for (GeneratedFile file : metrics) {
                if (file.path().startsWith("sub/")) {
                    sub = file;
                } else if (foreach && file.path().matches("eval/[ab]\\..*")) {
                    looped.add(file);
                } else if (random.nextBoolean()) {
                    topLevel.add(file);
                } else {
                    staged.add(file);
                }
            }
            dvcYaml.add("vars:");
            dvcYaml.add("  - eval_dir: eval");
            if (!topLevel.isEmpty()) {
                dvcYaml.add("metrics:");
                topLevel.forEach(file -> dvcYaml.add("  - " + file.path()));
            }
            List<GeneratedFile> topParams =
                    params.stream().filter(file -> random.nextBoolean()).toList();
            if (!topParams.isEmpty()) {
                dvcYaml.add("params:");
                topParams.forEach(file -> dvcYaml.add("  - " + file.path()));
            }
            dvcYaml.add("stages:");
            dvcYaml.add("  train:");
            dvcYaml.add("    cmd: python train.py --seed ${seed}");
            dvcYaml.add("    params:");
            dvcYaml.add("      - " + pick(List.of("lr", "acc", "seed", "nested.acc")));
            for (GeneratedFile file : params.subList(1, params.size())) {
                if (random.nextBoolean()) {
                    dvcYaml.add("      - " + file.path() + ":");
                } else {
                    dvcYaml.add("      - " + file.path() + ":");
                    // Identifiers: DVC fails a revision on a key YAML reads as a number (docs/dvc-reports.md).
                    dvcYaml.add("          - " + pick(IDENTIFIERS));
                }
            }
            if (!staged.isEmpty()) {
                dvcYaml.add("    metrics:");
                for (GeneratedFile file : staged) {
                    dvcYaml.add("      - " + file.path().replaceFirst("^eval/", "\\${eval_dir}/") + ":");
                    dvcYaml.add("          cache: false");
                }
            }
            if (!looped.isEmpty()) {
                String suffix = looped.get(0).format().suffix;
                dvcYaml.add("  evaluate:");
                dvcYaml.add("    foreach: " + foreachItems);
                dvcYaml.add("    do:");
                dvcYaml.add("      cmd: echo ${item}");
                dvcYaml.add("      metrics:");
                dvcYaml.add("        - ${eval_dir}/${item}" + suffix + ":");
                dvcYaml.add("            cache: false");
            }
            if (sub != null) {
                subDvcYaml.add("stages:");
                subDvcYaml.add("  fit:");
                subDvcYaml.add("    wdir: ..");
                subDvcYaml.add("    cmd: echo fit");
                subDvcYaml.add("    metrics:");
                subDvcYaml.add("      - " + sub.path() + ":");
                subDvcYaml.add("          cache: false");
            }
        }

        void write(Path root, int revision) throws IOException {
            write(root, "dvc.yaml", String.join("\n", dvcYaml) + "\n");
            if (!subDvcYaml.isEmpty()) {
                write(root, "sub/dvc.yaml", String.join("\n", subDvcYaml) + "\n");
            }
            for (GeneratedFile file : concat(metrics, params)) {
                Path path = root.resolve(file.path());
                String content = file.revisions().get(revision);
                if (content == null) {
                    Files.deleteIfExists(path);
                } else {
                    write(root, file.path(), content);
                }
            }
        }

        List<List<String>> commands() {
            List<String> metricPaths = metrics.stream().map(GeneratedFile::path).toList();
            List<String> paramPaths = params.stream().map(GeneratedFile::path).toList();
            List<List<String>> commands = new ArrayList<>();
            commands.add(List.of("metrics", "diff", "main", "--json"));
            commands.add(options(List.of("metrics", "diff", "main", "exp", "--md")));
            commands.add(options(List.of("metrics", "diff", "main")));
            commands.add(targets(List.of("metrics", "diff", "main", "--json", "--targets"), metricPaths));
            commands.add(List.of("params", "diff", "main", "--json"));
            commands.add(options(List.of("params", "diff", "main", "exp", "--md")));
            commands.add(options(List.of("params", "diff", "main", "--deps")));
            commands.add(targets(List.of("params", "diff", "HEAD", "--json", "--targets"), paramPaths));
            commands.add(List.of("metrics", "show", "--json"));
            commands.add(targets(List.of("metrics", "show", "--md"), metricPaths));
            commands.add(
                    random.nextBoolean()
                            ? List.of("metrics", "show", "--md")
                            : List.of("metrics", "show", "--precision", precision()));
            return commands;
        }

        private List<String> options(List<String> command) {
            List<String> result = new ArrayList<>(command);
            if (random.nextBoolean()) {
                result.add("--all");
            }
            if (random.nextInt(3) == 0) {
                result.add("--no-path");
            }
            if (command.get(0).equals("metrics") && random.nextInt(3) == 0) {
                result.add("--precision");
                result.add(precision());
            }
            return result;
        }

        /** A {@code --precision}: mostly 0 to 7, else negative or past a double's digits (Python's round bounds). */
        private String precision() {
            return random.nextInt(3) > 0
                    ? String.valueOf(random.nextInt(8))
                    : pick(List.of("-1", "-2", "-400", "17", "323", "324", "1000000", "2147483647"));
        }

        private List<String> targets(List<String> command, List<String> paths) {
            List<String> result = new ArrayList<>(command);
            result.add(pick(paths));
            if (random.nextBoolean()) {
                result.add(pick(paths));
            }
            return result;
        }

        /** A file's content in revisions 0, 1 and 2 ({@code null}: absent). */
        private List<String> revisions(DataFile format, boolean alwaysThere) {
            List<String> contents = new ArrayList<>();
            Map<Object, Object> tree = tree(format, 0);
            if (alwaysThere) {
                tree.put("seed", BigInteger.valueOf(random.nextInt(100)));
                Map<Object, Object> nested = new LinkedHashMap<>();
                nested.put("acc", value(format));
                tree.put("nested", nested);
            }
            for (int revision = 0; revision < 3; revision++) {
                if (revision > 0) {
                    tree = mutate(tree, format, 0);
                }
                int fate = random.nextInt(12);
                if (!alwaysThere && fate == 0) {
                    contents.add(null);
                } else if (!alwaysThere && fate == 1) {
                    contents.add(format.unparsable(random));
                } else if (!alwaysThere && fate == 2 && format.notAMapping(random) != null) {
                    contents.add(format.notAMapping(random));
                } else {
                    contents.add(format.write(tree, random));
                }
            }
            return contents;
        }

        private Map<Object, Object> tree(DataFile format, int depth) {
            Map<Object, Object> tree = new LinkedHashMap<>();
            int size = 1 + random.nextInt(4);
            for (int i = 0; i < size; i++) {
                Object key = key(format, depth);
                if (depth < 2 && random.nextInt(4) == 0) {
                    tree.put(format == DataFile.PYTHON ? "C" + key : key, tree(format, depth + 1));
                } else {
                    tree.put(key, value(format));
                }
            }
            return tree;
        }

        @SuppressWarnings("unchecked")
        private Map<Object, Object> mutate(Map<Object, Object> tree, DataFile format, int depth) {
            Map<Object, Object> result = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> entry : tree.entrySet()) {
                int change = random.nextInt(6);
                if (entry.getValue() instanceof Map<?, ?> child) {
                    result.put(entry.getKey(), mutate((Map<Object, Object>) child, format, depth + 1));
                } else if (entry.getKey().equals("seed")) {
                    result.put("seed", BigInteger.valueOf(random.nextInt(100)));
                } else if (change == 0) {
                    continue;
                } else if (change <= 2) {
                    result.put(entry.getKey(), value(format));
                } else {
                    result.put(entry.getKey(), entry.getValue());
                }
            }
            if (random.nextInt(3) == 0) {
                result.put(key(format, depth), value(format));
            }
            return result;
        }

        private Object key(DataFile format, int depth) {
            if (format == DataFile.YAML && depth > 0 && random.nextInt(4) == 0) {
                return pick(YAML_TYPED_KEYS);
            }
            return pick(format == DataFile.PYTHON || format == DataFile.TOML && depth > 0 ? IDENTIFIERS : KEYS);
        }

        private Object value(DataFile format) {
            if (format == DataFile.PYTHON && random.nextInt(3) == 0) {
                return new DataFile.PyLiteral(pick(PYTHON_LITERALS));
            }
            return switch (random.nextInt(7)) {
                case 0 -> BigInteger.valueOf(random.nextInt(2001) - 1000L);
                case 1 ->
                    format == DataFile.TOML
                            // Not 19 digits: Jackson's TOML parser drops their first ten (docs/dvc-reports.md).
                            ? BigInteger.valueOf(-999_999_999_999_999_999L + random.nextInt(10))
                            : new BigInteger("123456789012345678901234567890").negate();
                case 2, 3 -> floatText(format);
                case 4 -> random.nextBoolean();
                case 5 -> random.nextBoolean() ? pick(STRINGS) : List.of(BigInteger.ONE, floatText(format));
                default -> special(format);
            };
        }

        /** What only some formats have: TOML dates, Python sets, NaN and infinities, YAML's plain forms; else null. */
        private Object special(DataFile format) {
            return switch (format) {
                case TOML ->
                    random.nextBoolean()
                            ? new DataFile.TomlDate(pick(TOML_DATES))
                            : pick(List.of(DataFile.NonFinite.values()));
                case PYTHON -> random.nextBoolean() ? new DataFile.PySet(smallInts()) : null;
                case YAML ->
                    switch (random.nextInt(4)) {
                        case 0 -> pick(List.of(DataFile.NonFinite.values()));
                        case 1 -> new DataFile.YamlPlain(pick(YAML_PLAIN));
                        case 2 -> new DataFile.YamlPlain(pick(YAML_TAGGED));
                        default -> null;
                    };
                case JSON -> random.nextBoolean() ? pick(List.of(DataFile.NonFinite.values())) : null;
            };
        }

        private List<Integer> smallInts() {
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < 8 && items.size() < 4; i++) {
                if (random.nextInt(3) == 0) {
                    items.add(i);
                }
            }
            return items.isEmpty() ? List.of(1) : items;
        }

        private FloatText floatText(DataFile format) {
            return new FloatText(pick(FLOATS));
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        private static List<GeneratedFile> concat(List<GeneratedFile> a, List<GeneratedFile> b) {
            List<GeneratedFile> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        private static void write(Path root, String path, String content) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }

    /** One generated file: its path, format and content per revision. */
    private record GeneratedFile(String path, DataFile format, List<String> revisions) {}
}
