package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonRepr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python's syntax rules as CPython 3.11.7 (DVC 3.67.1's venv) applies them in {@code ast.parse}: each source and
 * outcome below was checked with that Python ({@code ast.parse}) and DVC's {@code parse_py}.
 */
class PythonSyntaxTest {
    private static final DataFileReader READER = new DataFileReader();

    /** The file's values, mapping keys as their str() (as DVC flattens them). */
    private static String read(String source) throws UnreadableFileException {
        return PythonRepr.repr(READER.read("p.py", source.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "d = {1: 'a', 1.0: 'b', True: 'c'} => {'d': {1: 'c'}}",
                "d = {1.0: 'a', 1: 'b'} => {'d': {1.0: 'b'}}",
                "d = {1: 'a', 1+0j: 'b'} => {'d': {1: 'b'}}",
                "d = {0: 1, -0.0: 2, 0j: 3, False: 4} => {'d': {0: 4}}",
                "d = {(1, 2): 1, (1.0, 2+0j): 2} => {'d': {(1, 2): 2}}",
                "d = {'k': {2: 1, 2.0: 2}} => {'d': {'k': {2: 2}}}",
                "d = {1j: 1, 1j: 2, (0, 1): 3} => {'d': {1j: 2, (0, 1): 3}}",
                "d = {1: 1, b'1': 3} => {'d': {1: 1, b'1': 3}}",
                "s = {1, 1.0, True, 1+0j} => {'s': {1}}",
                "s = [{0, -0.0, False}] => {'s': [{0}]}"
            })
    void keysPythonHoldsEqualAreOneKeyTheFirstWithTheLastValue(String source, String expected)
            throws UnreadableFileException {
        assertThat(read(source + "\n")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "a = 1\\n  b = 2 => line 2: unexpected indent",
                "  a = 1 => line 1: unexpected indent",
                "if 1: a = 1\\n  b = 2 => line 2: unexpected indent",
                "class C:\\n    a = 1\\n  b = 2 => line 3: unindent does not match any outer indentation level",
                "if 1:\\n    if 1:\\n        a=1\\n      b=2 => line 4: unindent does not match any outer indentation level",
                "class C:\\n        a = 1\\n\\tb = 2 => line 3: inconsistent use of tabs and spaces in indentation",
                "class C:\\n\\ta = 1\\n        b = 2 => line 3: inconsistent use of tabs and spaces in indentation",
                "if 1:\\n    \\ta=1\\n\\tb=2 => line 3: inconsistent use of tabs and spaces in indentation",
                "if 1:\\n        a=1\\n\\tb=2 => line 3: inconsistent use of tabs and spaces in indentation",
                "class C:\\na = 1 => line 2: expected an indented block after line 1",
                "class C:\\n => line 3: expected an indented block after line 1",
                "if 1:\\n# c\\n => line 4: expected an indented block after line 1",
                "if 1:\\n    a=1\\n  \\f  b=2 => line 3: unindent does not match any outer indentation level",
                "if 1:\\n\\t\\ta=1\\n\\f\\tb=2 => line 3: unindent does not match any outer indentation level",
                "1 = a => line 1: cannot assign to this expression",
                "a = 1 = b => line 1: cannot assign to this expression",
                "f() = 1 => line 1: cannot assign to this expression",
                "a < b = 1 => line 1: cannot assign to this expression",
                "True = 1 => line 1: cannot assign to this expression",
                "if = 1 => line 1: cannot assign to this expression",
                "(*a) = 1 => line 1: cannot assign to this expression",
                "x = 1\\nif 0:\\n    a + b = 1 => line 3: cannot assign to this expression",
                "1 += 1 => line 1: illegal expression for augmented assignment",
                "a, b += 1 => line 1: illegal expression for augmented assignment",
                "x = 1 $ 2 => line 1: invalid character U+0024",
                "x = 1 ! 2 => line 1: invalid character U+0021",
                "x = `1` => line 1: invalid character U+0060",
                "x = 1 \\u20ac => line 1: invalid character U+20AC",
                "\\ufeffa = 1 => line 1: invalid character U+FEFF",
                "\\u00a0a = 1 => line 1: invalid character U+00A0",
                "x = 1 \\u000b 2 => line 1: invalid character U+000B",
                "x\\u00b2 = 1 => line 1: invalid character U+00B2",
                "x = 'a'\\ny = (1 => line 2: unclosed bracket"
            })
    void sourceAstParseRefusesMakesTheFileUnreadableNamingTheLine(String source, String error) {
        assertThatThrownBy(() -> read(unescape(source) + "\nY = 1\n"))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.type()).isEqualTo("PythonFileCorruptedError");
                    assertThat(e.getMessage())
                            .isEqualTo("unable to read: 'p.py', Python file structure is corrupted (" + error + ")");
                });
    }

    @Test
    void decimalIntsOfMoreThan4300DigitsAreTheSyntaxErrorPython311Raises() throws UnreadableFileException {
        assertThat(read("x = " + "1".repeat(4300) + "\n")).startsWith("{'x': 1111");
        assertThat(read("x = 0x" + "f".repeat(6000) + "\ny = " + "0".repeat(5000) + "\nz = " + "1".repeat(5000)
                        + ".0\n"))
                .contains("'y': 0, 'z': inf");
        for (String source : new String[] {"1".repeat(4301), "1_".repeat(4300) + "1", "[" + "2".repeat(5000) + "]"}) {
            assertThatThrownBy(() -> read("class C:\n  x = " + source + "\n"))
                    .hasMessage("unable to read: 'p.py', Python file structure is corrupted (line 2: Exceeds the"
                            + " limit (4300 digits) for integer string conversion)");
        }
    }

    @Test
    void aBlockHeaderAtTheEndHasNoBlock() {
        assertThatThrownBy(() -> read("a = 1\nclass C:\n"))
                .hasMessageEndingWith("(line 2: expected an indented block after line 2)");
        assertThatThrownBy(() -> read("a = 1\nif a: pass\nelse:  # nothing"))
                .hasMessageEndingWith("(line 3: expected an indented block after line 3)");
    }

    @Test
    void bracketsNestMostTwoHundredDeep() throws UnreadableFileException {
        assertThat(read("x = " + "[".repeat(200) + "]".repeat(200) + "\n")).startsWith("{'x': [[[");
        assertThatThrownBy(() -> read("x = " + "(".repeat(201) + "1" + ")".repeat(201) + "\n"))
                .hasMessageEndingWith("(line 1: too many nested parentheses)");
        assertThatThrownBy(() -> read("x = " + "[".repeat(100_000)))
                .hasMessageEndingWith("(line 1: too many nested parentheses)");
    }

    /** DVC 3.67.1 reads 2,946 signs (not a literal: the name is skipped); gpu-train reads any number, in its stack. */
    @Test
    void signsBeforeANumberAreReadWithoutRecursion() throws UnreadableFileException {
        assertThat(read("x = " + "-".repeat(2946) + "1\ny = -1\nz = - 2\n")).isEqualTo("{'y': -1, 'z': -2}");
        assertThat(read("x = " + "-".repeat(100_000) + "1\ny = 2\n")).isEqualTo("{'y': 2}");
        assertThatThrownBy(() -> read("x = --'\\x4'\n")).hasMessageEndingWith("(line 1: truncated \\x escape)");
    }

    @Test
    void indentationAtMostOneHundredLevels() throws UnreadableFileException {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            deep.append(" ".repeat(i)).append("if 1:\n");
        }
        assertThat(read(deep + " ".repeat(99) + "a = 1\nb = 2\n")).isEqualTo("{'b': 2}");
        deep.append(" ".repeat(99)).append("if 1:\n");
        assertThatThrownBy(() -> read(deep + " ".repeat(100) + "a = 1\n"))
                .hasMessageEndingWith("(line 101: too many levels of indentation)");
    }

    /** A form feed at a line's start resets its column: the statements stay in their class. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "class C:\\n    a = 1\\n\\f    b = 2 => {'C': {'a': 1, 'b': 2}}",
                "a = 1\\n  \\fb = 2 => {'a': 1, 'b': 2}",
                "class C:\\n  a = 1\\n   \\f  b = 2 => {'C': {'a': 1, 'b': 2}}",
                "class C:\\n\\ta = 1\\n\\tclass D:\\n\\t\\tb = 2\\n\\tc = 3 => {'C': {'a': 1, 'D': {'b': 2}, 'c': 3}}",
                "class C:\\n\\t a = 1\\n\\t b = 2 => {'C': {'a': 1, 'b': 2}}",
                "class C:\\n    a = 1\\n\\f\\n    b = 2 => {'C': {'a': 1, 'b': 2}}",
                "if 1:\\n  \\\\\\n    a = 1\\nb = 2 => {'b': 2}",
                "class C:\\n    a = 1\\n    \\\\\\n  b = 2 => {'C': {'a': 1, 'b': 2}}",
                "  # comment\\na = 1 => {'a': 1}"
            })
    void indentationAsTheTokenizerMeasuresIt(String source, String expected) throws UnreadableFileException {
        assertThat(read(unescape(source) + "\n")).isEqualTo(expected);
    }

    /** What ast.parse accepts: targets of every form, '=' that assigns nothing, soft keywords, escapes it warns on. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "'a'.x = 1\nNone.x = 1\n(a) = 1\n() = x\n[] = x\n[a, *b] = x\nf().x = 1\nx[1:2] = 3",
                "*a, b = x\n*a = x\n(*a,) = x\na, = x\n((a, b), [c]) = x\na . b [0] = 1\nf(x=1).y = 2",
                "a.b += 1\nx[0] -= 2\n(a) *= 3\na **= 2\na //= 2\na >>= 1\na <<= 1",
                "a == b\na <= b\na >= b\na != b\nf(x=1)\nf = lambda x=1, *a, y=2, **k: x",
                "lambda x=1: x\nassert x == 1, 'a = b'\nx: int = 1\nself.y: int = 2\ndef f(a=1, *, b=2) -> int: pass",
                "match = 1\ncase = 2\n_ = 3\n__debug__ = 4\nmatch x:\n    case {'a': 1} if y == 2: z = 3",
                "\u00fcn\u00ef = 1\ne\u0301 = 2\n\ud835\udc65 = 3\nb'x'.y = 4\nf'{x}'.y = 5\nrb'a' b'b'.c = 6",
                "x = 0xfor 1\nc = 1if 1else 2\nd = '\\d'\ne = 1 \f + 2"
            })
    void sourceAstParseAcceptsIsRead(String source) throws UnreadableFileException {
        assertThat(read(source + "\nY = 1\n")).endsWith("'Y': 1}");
    }

    private static String unescape(String source) {
        return source.replace("\\n", "\n")
                .replace("\\t", "\t")
                .replace("\\f", "\f")
                .replace("\\u20ac", "\u20ac")
                .replace("\\ufeff", "\ufeff")
                .replace("\\u00a0", "\u00a0")
                .replace("\\u000b", "\u000b")
                .replace("\\u00b2", "\u00b2")
                .replace("\\\\", "\\");
    }
}
