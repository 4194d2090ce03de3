package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.diff.MetricsFilter;
import io.jenkins.plugins.gputrain.core.dvc.render.PythonJson;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonRepr;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** File parsing as DVC does it (spec §4): loader by suffix, YAML 1.2, JSON as Python reads it. */
class DataFileReaderTest {
    private final DataFileReader reader = new DataFileReader();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = " -> ",
            value = {
                "a: yes -> {\"a\": \"yes\"}",
                "a: off -> {\"a\": \"off\"}",
                "a: True -> {\"a\": true}",
                "a: FALSE -> {\"a\": false}",
                "a: 1e3 -> {\"a\": 1000.0}",
                "a: 0o17 -> {\"a\": 15}",
                "a: 0x1F -> {\"a\": 31}",
                "a: 017 -> {\"a\": 17}",
                "a: ~ -> {\"a\": null}",
                "a: .inf -> {\"a\": Infinity}",
                "a: 1.0 -> {\"a\": 1.0}",
                "a: 123456789012345678901234567890 -> {\"a\": 123456789012345678901234567890}",
            })
    void yamlIsYaml12(String yaml, String json) throws UnreadableFileException {
        assertThat(json(read("m.yaml", yaml))).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = " -> ",
            value = {
                "{b: &b {x: 1, y: 2}, d: {<<: *b, y: 5}} -> {\"b\": {\"x\": 1, \"y\": 2}, \"d\": {\"x\": 1, \"y\": 5}}",
                "{d: {<<: [{p: 1}, {p: 2, r: 1}], s: 0}} -> {\"d\": {\"p\": 1, \"r\": 1, \"s\": 0}}",
                "{d: {q: 1, <<: {p: 1}, q: 2}} -> {\"d\": {\"p\": 1, \"q\": 2}}",
                "{d: {q: 1, <<: {q: 5}}} -> {\"d\": {\"q\": 1}}",
                "{a: &a {p: 1, <<: {r: 2}}, d: {<<: *a, s: 1}} -> {\"a\": {\"r\": 2, \"p\": 1}, \"d\": {\"r\": 2, \"p\": 1, \"s\": 1}}",
                "{d: {'<<': {p: 1}}} -> {\"d\": {\"<<\": {\"p\": 1}}}",
            })
    void yamlMergeKeysMergeAsRuamelDoes(String yaml, String json) throws UnreadableFileException {
        assertThat(json(read("m.yaml", yaml))).isEqualTo(json);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " | ",
            value = {"d: {<<: {p: 1}, <<: {q: 1}}", "d: {<<: 1}", "d: {<<: [1]}", "d: {a: 1, a: 2}"})
    void yamlMergesOfNonMappingsTwoMergeKeysAndDuplicateKeysAreCorrupted(String yaml) {
        assertThatThrownBy(() -> read("m.yaml", yaml))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("unable to read: 'm.yaml', YAML file structure is corrupted");
    }

    /**
     * tomlkit keeps a negative zero's sign (DVC 3.67.1's {@code metrics show --json} prints {@code -0.0} for each of
     * these forms); a string, a comment and a table header that spell one are left as written, an integer {@code -0}
     * is {@code 0}.
     */
    @Test
    void tomlNegativeZeroFloatsKeepTheirSignAsTomlkitReadsThem() throws UnreadableFileException {
        String toml = String.join(
                "\n",
                "a = -0.0",
                "b = -0e0 # -0.0",
                "c = [-0.0, -0.00_0E+3,",
                "  -0E-2, [-0.0]]",
                "d = { e = -0.0, f = -0 }",
                "s = \"x = -0.0\"",
                "m = '''",
                "y = -0.0'''",
                "i = -0",
                "[-0.0]",
                "g = -0.0",
                "");

        assertThat(json(read("m.toml", toml)))
                .isEqualTo(
                        "{\"a\": -0.0, \"b\": -0.0, \"c\": [-0.0, -0.0, -0.0, [-0.0]], \"d\": {\"e\": -0.0, \"f\": 0},"
                                + " \"s\": \"x = -0.0\", \"m\": \"y = -0.0\", \"i\": 0, \"-0\": {\"0\": {\"g\": -0.0}}}");
    }

    /** Keys spelled like negative zeros stay keys: in an inline table after a comma, and after an array's end. */
    @Test
    void tomlKeysSpelledLikeNegativeZerosStayKeys() throws UnreadableFileException {
        assertThat(json(read("k.toml", "a = [{x = 1, -0e0 = 2}]\nb = [\n  1,\n]\n-0.0 = 3\n")))
                .isEqualTo("{\"a\": [{\"x\": 1, \"-0e0\": 2}], \"b\": [1], \"-0\": {\"0\": 3}}");
    }

    @Test
    void tomlDatesAndTimesAreDatesPrintedAsPythonPrintsTomlkitsValues() throws UnreadableFileException {
        Value.Dict dict = (Value.Dict) read(
                "p.toml",
                "d = 1979-05-27T07:32:00Z\nld = 1979-05-27\nlt = 07:32:00.5\nldt = 1979-05-27T07:32:00\n"
                        + "off = 1979-05-27T00:32:00.1234567-07:00\nt = 07:00:00\n");

        assertThat(dict.entries().values()).allMatch(Value.DateTime.class::isInstance);
        assertThat(dict.entries().values().stream().map(Value::str))
                .containsExactly(
                        "1979-05-27 07:32:00+00:00",
                        "1979-05-27",
                        "07:32:00.500000",
                        "1979-05-27 07:32:00",
                        "1979-05-27 00:32:00.123456-07:00",
                        "07:00:00");
        assertThat(PythonRepr.repr(Value.Seq.list(List.copyOf(dict.entries().values()))))
                .isEqualTo("[datetime.datetime(1979, 5, 27, 7, 32, tzinfo=datetime.timezone(datetime.timedelta(0),"
                        + " 'UTC')), datetime.date(1979, 5, 27), datetime.time(7, 32, 0, 500000),"
                        + " datetime.datetime(1979, 5, 27, 7, 32), datetime.datetime(1979, 5, 27, 0, 32, 0, 123456,"
                        + " tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=61200), '-07:00')),"
                        + " datetime.time(7, 0)]");
        assertThat(MetricsFilter.extract(dict)).isEqualTo(Value.Dict.empty());
    }

    @Test
    void jsonKeepsIntsAndFloatsApartAndReadsNonFiniteNumbers() throws UnreadableFileException {
        assertThat(json(read("m.json", "{\"a\": 1, \"b\": 1.0, \"c\": NaN, \"d\": -Infinity, \"e\": 1e2}")))
                .isEqualTo("{\"a\": 1, \"b\": 1.0, \"c\": NaN, \"d\": -Infinity, \"e\": 100.0}");
    }

    @Test
    void jsonDuplicateKeyKeepsTheLastValue() throws UnreadableFileException {
        assertThat(json(read("m.json", "{\"a\": 1, \"a\": 2}"))).isEqualTo("{\"a\": 2}");
    }

    /** Values DVC 3.67.1 read from these files (its loaders get the text in Python's universal-newline mode). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " -> ",
            value = {
                "m.toml -> a = 1\\rb = 2\\r[t]\\rc = \"x\"\\r -> {\"a\": 1, \"b\": 2, \"t\": {\"c\": \"x\"}}",
                "t.toml -> a = \"\"\"x\\ry\"\"\"\\n -> {\"a\": \"x\\ny\"}",
                "c.toml -> a = 1\\r\\nb = 2\\r\\n -> {\"a\": 1, \"b\": 2}",
                "m.json -> {\"a\": 1,\\r\"b\": 2}\\r -> {\"a\": 1, \"b\": 2}",
                "m.yaml -> a: 1\\rb: 2\\rc: |\\r  x\\r  y\\r -> {\"a\": 1, \"b\": 2, \"c\": \"x\\ny\\n\"}",
                "q.yaml -> t: \"p\\rq\"\\nu: x\\r  y\\n -> {\"t\": \"p q\", \"u\": \"x y\"}",
                "b.yaml -> v: |\\r  a\\r\\r  b\\r -> {\"v\": \"a\\n\\nb\\n\"}",
                "p.py -> A = 1\\rB = \"x\"\\r -> {\"A\": 1, \"B\": \"x\"}"
            })
    void aLoneCarriageReturnIsALineEndAsInPythonsTextMode(String path, String text, String json)
            throws UnreadableFileException {
        assertThat(json(read(path, text.translateEscapes()))).isEqualTo(json);
    }

    @Test
    void aLoneCarriageReturnInsideAStringEndsTheLineWhereThatIsAnError() {
        assertThatThrownBy(() -> read("s.toml", "s = \"x\ry\"\n")).hasMessageContaining("TOML file structure");
        assertThatThrownBy(() -> read("s.json", "{\"s\": \"x\ry\"}")).hasMessageContaining("JSON file structure");
        assertThatThrownBy(() -> read("p.py", "A = \"x\ry\"\n")).hasMessageContaining("Python file structure");
    }

    @Test
    void falsyDocumentsAreEmptyMappings() throws UnreadableFileException {
        assertThat(read("m.json", "[]")).isEqualTo(Value.Dict.empty());
        assertThat(read("m.json", "0")).isEqualTo(Value.Dict.empty());
        assertThat(read("m.yaml", "")).isEqualTo(Value.Dict.empty());
        assertThat(read("m.yaml", "1.1")).isEqualTo(new Value.Float(1.1));
    }

    @Test
    void suffixChoosesTheLoaderCaseInsensitivelyAndUnknownSuffixesAreYaml() throws UnreadableFileException {
        assertThat(json(read("M.JSON", "{\"a\": 1}"))).isEqualTo("{\"a\": 1}");
        assertThat(json(read("metrics", "a: 1"))).isEqualTo("{\"a\": 1}");
        assertThat(json(read("p.toml", "[train]\nlr = 0.1\nepochs = 3\nname = \"x\"\n")))
                .isEqualTo("{\"train\": {\"lr\": 0.1, \"epochs\": 3, \"name\": \"x\"}}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "m.json => {\"a\": => JSONFileCorruptedError => unable to read: 'm.json', JSON file structure is corrupted",
                "m.json => {} {} => JSONFileCorruptedError => unable to read: 'm.json', JSON file structure is corrupted",
                "m.json => '' => JSONFileCorruptedError => unable to read: 'm.json', JSON file structure is corrupted",
                "m.yaml => 'a: [1' => YAMLFileCorruptedError => unable to read: 'm.yaml', YAML file structure is corrupted",
                "m.yaml => 'a: 1\na: 2' => YAMLFileCorruptedError => unable to read: 'm.yaml', YAML file structure is"
                        + " corrupted",
                "p.toml => 'a = ' => TOMLFileCorruptedError => unable to read: 'p.toml', TOML file structure is corrupted",
                "p.py => 'LR = [1, 2' => PythonFileCorruptedError => unable to read: 'p.py', Python file structure is"
                        + " corrupted (line 1: unclosed bracket)",
            })
    void malformedFilesAreErrorsWithDvcsType(String path, String text, String type, String message) {
        assertThatThrownBy(() -> read(path, text.replace("\\n", "\n")))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.type()).isEqualTo(type);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void pythonNamesMayBeNonAscii() throws UnreadableFileException {
        assertThat(json(read("params.py", "ünï = 1\nclass Çfg:\n    日本 = {\"a\": 0.5}\n")))
                .isEqualTo("{\"\\u00fcn\\u00ef\": 1, \"\\u00c7fg\": {\"\\u65e5\\u672c\": {\"a\": 0.5}}}");
    }

    @Test
    void pythonParamsAsDvcsAstReaderNfkcNamesNestedClassesInitSelfOnlySetsAndConcatenatedStrings()
            throws UnreadableFileException {
        String source = String.join(
                "\n",
                "\ufb01le = 1",
                "S = {1, 2, 3, 1}",
                "T = \"a\" 'b'",
                "U = (\"x\"",
                "     \"y\")",
                "self.top = 2",
                "class Cfg:",
                "    depth = 1",
                "    self.direct = 3",
                "    class Inner:",
                "        depth = 2",
                "        class Deep:",
                "            z = 0",
                "    def __init__(self, a=1):",
                "        self.lr = 0.5",
                "        plain = 7",
                "        if a:",
                "            self.hidden = 1",
                "    def other(self):",
                "        self.nope = 1",
                "    after = 4",
                "def __init__(self):",
                "    self.mod = 5",
                "E = {}",
                "");

        Value.Dict params = (Value.Dict) read("params.py", source);

        assertThat(PythonRepr.repr(params))
                .isEqualTo(
                        "{'file': 1, 'S': {1, 2, 3}, 'T': 'ab', 'U': 'xy', 'top': 2, 'Cfg': {'depth': 1, 'direct': 3,"
                                + " 'Inner': {'depth': 2, 'Deep': {'z': 0}}, 'lr': 0.5, 'after': 4}, 'mod': 5, 'E': {}}");
    }

    @Test
    void pythonStringPrefixesAsAstLiteralEvalRawAndUnicodeAreStrBytesPrintAsReprFStringsAreSkipped()
            throws UnreadableFileException {
        String source = String.join(
                "\n",
                "A = r\"a\\nb\"",
                "B = u\"uni\" U'x' R'\\d'",
                "C = b\"by\\x00t'e\"",
                "D = b\"a\" rb\"\\n\" Rb'q'",
                "E = [f\"x\", 1]",
                "F = {\"k\": f\"v\"}",
                "G = (b\"t\",)",
                "H = {b\"s\"}",
                "I = {\"x\": {b\"n\": 1}}",
                "J = r'''tri\\",
                "ple'''",
                "K = f\"a\" \"b\"",
                "L = rf'{1}'",
                "M = \"\\N{bullet}\\101\\0\\1012\\777\"",
                "N = b\"\\777\\N{BULLET}\\u00e9\\xff\\t\\\\\"",
                "O = b''",
                "");

        Value.Dict params = (Value.Dict) read("params.py", source);

        assertThat(params.entries().keySet()).containsExactly("A", "B", "C", "D", "G", "H", "I", "J", "M", "N", "O");
        // a bytes key is its str(), as DVC's flattening prints it (I.x.b'n')
        assertThat(((Value.Dict) ((Value.Dict) params.entries().get("I"))
                                .entries()
                                .get("x"))
                        .entries())
                .containsOnlyKeys("b'n'");
        assertThat(params.entries().entrySet().stream()
                        .filter(entry -> !entry.getKey().equals("I"))
                        .map(entry -> entry.getValue().str()))
                .containsExactly(
                        "a\\nb",
                        "unix\\d",
                        "b\"by\\x00t'e\"",
                        "b'a\\\\nq'",
                        "(b't',)",
                        "{b's'}",
                        "tri\\\nple",
                        "\u2022A\u0000A2\u01ff",
                        "b'\\xff\\\\N{BULLET}\\\\u00e9\\xff\\t\\\\'",
                        "b''");
        assertThat(params.entries().get("C")).isEqualTo(new Value.Bytes("by\0t'e".getBytes(StandardCharsets.US_ASCII)));
        assertThat(params.entries().get("C")).isNotEqualTo(new Value.Str("by\0t'e"));
        assertThat(params.entries().get("O").isTruthy()).isFalse();
        assertThat(json(params.entries().get("C"))).isEqualTo("\"b\\\"by\\\\x00t'e\\\"\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "X = 'a' b'b'",
                "X = ur'x'",
                "X = b'\u00e9'",
                "X = '\\N{NO SUCH NAME}'",
                "X = '\\x4'",
                "X = True'a'"
            })
    void pythonLiteralsPythonDoesNotCompileMakeTheFileUnreadableAsDvcsAstParse(String line) {
        assertThatThrownBy(() -> read("p.py", line + "\nY = 1\n"))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.type()).isEqualTo("PythonFileCorruptedError");
                    assertThat(e.getMessage())
                            .startsWith("unable to read: 'p.py', Python file structure is corrupted (line ");
                });
    }

    /** The expected values are what DVC 3.67.1's {@code parse_py} returned for the same source (Python 3.11). */
    @Test
    void pythonStatementsAsPythonGroupsThemSemicolonsInlineClassBodiesAndLineJoins() throws UnreadableFileException {
        String source = String.join(
                "\n",
                "a = 2; b = 3;",
                "class C: x = 1; y = 2",
                "c = \\",
                "  5",
                "if a: hidden = 1",
                "def __init__(self): self.q = 1; plain = 2",
                "s = 'x;y'  # ; z = 9",
                "");

        assertThat(PythonRepr.repr(read("params.py", source)))
                .isEqualTo("{'a': 2, 'b': 3, 'C': {'x': 1, 'y': 2}, 'c': 5, 'q': 1, 's': 'x;y'}");
    }

    @Test
    void pythonLiteralsAsAstLiteralEvalTuplesSetsComplexEllipsisAndNumberForms() throws UnreadableFileException {
        String source = String.join(
                "\n",
                "d = 1, 2",
                "o = 1,",
                "n = ()",
                "e = set()",
                "f = 1j",
                "g = 1+2j",
                "h = ...",
                "i = 5.",
                "j = 1_0e1_0",
                "k = [1+2j, ..., -1j]",
                "l = -0.0+1j",
                "m = 0-0j",
                "p = -(1)",
                "r = 0x_f",
                "t = 0_1.5",
                "u = (-1)+2j",
                "v = 1e20j",
                "");

        assertThat(PythonRepr.repr(read("params.py", source)))
                .isEqualTo("{'d': (1, 2), 'o': (1,), 'n': (), 'e': set(), 'f': 1j, 'g': (1+2j), 'h': Ellipsis, 'i':"
                        + " 5.0, 'j': 100000000000.0, 'k': [(1+2j), Ellipsis, (-0-1j)], 'l': 1j, 'm': 0j, 'p': -1,"
                        + " 'r': 15, 't': 1.5, 'u': (-1+2j), 'v': 1e+20j}");
    }

    /** {@code literal_eval} signs a number constant once and adds a real number and an imaginary constant only. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "X = +-1",
                "X = +'a'",
                "X = -(-1)",
                "X = +True",
                "X = -True",
                "X = 2j+1",
                "X = 1+2j+3j",
                "X = True+1j",
                "X = 1 + 2",
                "X = 1.5 - -2j",
                "X = -...",
                "X = 1if 1 else 2",
                "X = set([1])",
                "X = Y = 1"
            })
    void pythonValuesLiteralEvalRefusesAreSkipped(String line) throws UnreadableFileException {
        assertThat(PythonRepr.repr(read("p.py", line + "\nY = 1\n"))).isEqualTo("{'Y': 1}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "X = 01",
                "X = 1_",
                "X = 1__0",
                "X = 1abc",
                "X = 0b12",
                "X = 0x",
                "X = 1.real",
                "X = 1 \\ 2",
                "x = f(01)",
                "X = (1",
                "X = '"
            })
    void pythonSourceThePythonTokenizerRefusesMakesTheFileUnreadable(String line) {
        assertThatThrownBy(() -> read("p.py", line + "\nY = 1\n"))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.type()).isEqualTo("PythonFileCorruptedError");
                    assertThat(e.getMessage())
                            .startsWith("unable to read: 'p.py', Python file structure is corrupted (line ");
                });
    }

    /** Python hashes a set member as it comes, a dict key with its value; DVC's top-level set after all members. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X = {[1]}", "X = {1, [1]}", "X = ({[1], x},)", "X = {(1, [2])}", "X = {[1]: 2}"})
    void pythonUnhashableSetMembersAndKeysAreTheFilesTypeError(String line) {
        assertThatThrownBy(() -> read("p.py", line + "\nY = 1\n"))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.type()).isEqualTo("TypeError");
                    assertThat(e.getMessage()).isEqualTo("unhashable type: 'list'");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X = {x, [1]}", "X = {[1], x}", "X = ({x, [1]},)", "X = {[1]: x}"})
    void pythonANonLiteralBeforeTheUnhashableSkipsTheName(String line) throws UnreadableFileException {
        assertThat(PythonRepr.repr(read("p.py", line + "\nY = 1\n"))).isEqualTo("{'Y': 1}");
    }

    @Test
    void pythonParamsAreModuleLiteralsAndClassBodies() throws UnreadableFileException {
        String source = String.join(
                "\n",
                "import math",
                "# comment = 1",
                "LR = 0.001  # trailing comment",
                "EPOCHS: int = 10",
                "NAME = 'cnn'",
                "SHAPE = (32, 32)",
                "ONE = (1,)",
                "LAYERS = [",
                "    {'units': 64, 'act': \"relu\"},",
                "]",
                "NEG = -5",
                "HEX = 0x1F",
                "COMPUTED = math.sqrt(2)",
                "A = B = 3",
                "class Train:",
                "    seed = 42",
                "    def __init__(self):",
                "        self.dropout = 0.5",
                "        local = 1",
                "FLAG = True",
                "");

        assertThat(json(read("params.py", source)))
                .isEqualTo("{\"LR\": 0.001, \"EPOCHS\": 10, \"NAME\": \"cnn\","
                        + " \"SHAPE\": [32, 32], \"ONE\": [1], \"LAYERS\": [{\"units\": 64, \"act\": \"relu\"}], \"NEG\": -5,"
                        + " \"HEX\": 31, \"Train\": {\"seed\": 42, \"dropout\": 0.5}, \"FLAG\": true}");
        Value shape = ((Value.Dict) read("params.py", source)).entries().get("SHAPE");
        assertThat(shape.str()).isEqualTo("(32, 32)");
    }

    @Test
    void binaryNonUtf8AndTooLargeFilesAreRefused() {
        assertThatThrownBy(() -> reader.read("m.json", new byte[] {'{', 0, '}'}))
                .hasMessage("'m.json' is a binary file, not text");
        assertThatThrownBy(() -> reader.read("m.json", new byte[] {'"', (byte) 0xff, '"'}))
                .hasMessage("'m.json' is not valid utf-8");
        assertThatThrownBy(() -> new DataFileReader(4).read("m.json", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("unable to read: 'm.json', file is larger than 4 bytes");
    }

    @Test
    void yamlAliasBombIsCorrupted() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(8))
                    .append("*a")
                    .append(i - 1)
                    .append("]\n");
        }
        assertThatThrownBy(() -> read("m.yaml", bomb.toString())).isInstanceOf(UnreadableFileException.class);
    }

    @Property(tries = 500)
    void arbitraryBytesNeverRaiseAnythingButTheDomainError(@ForAll byte[] content) {
        for (String path : new String[] {"m.json", "m.yaml", "m.toml", "p.py"}) {
            try {
                assertThat(reader.read(path, content)).isNotNull();
            } catch (UnreadableFileException e) {
                assertThat(e.type()).isNotBlank();
            }
        }
    }

    /**
     * A decimal of hundreds of digits whose exponent is past 1024: Python's {@code float()} (ruamel, json, tomlkit)
     * gives {@code inf} and {@code 0.0}; Jackson's FastDoubleParser, which stops reading such an exponent, would give
     * {@code 1e+303} and {@code 1e-21} (review r16 H1).
     */
    @Test
    void longDecimalsWithHugeExponentsReadAsPythonReadsThem() throws Exception {
        String huge = "0." + "0".repeat(720) + "1e10240";
        String tiny = "1" + "0".repeat(700) + "e-10240";
        for (String path : List.of("m.json", "m.yaml", "m.toml")) {
            String text = path.endsWith(".json")
                    ? "{\"huge\": " + huge + ", \"tiny\": " + tiny + "}"
                    : path.endsWith(".yaml")
                            ? "huge: " + huge + "\ntiny: " + tiny + "\n"
                            : "huge = " + huge + "\ntiny = " + tiny + "\n";
            assertThat(json(read(path, text))).as(path).isEqualTo("{\"huge\": Infinity, \"tiny\": 0.0}");
        }
    }

    private Value read(String path, String text) throws UnreadableFileException {
        return reader.read(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Value value) {
        return new PythonJson().value(value).toString();
    }
}
