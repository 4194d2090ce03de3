package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The scan of Python code outside its strings, with the depth of brackets around each character. */
class PythonBracketScannerTest {
    @Property(tries = 500)
    void everyCharacterOutsideStringsIsVisitedWithTheBracketsOpenAroundIt(@ForAll("tokenLists") List<String> tokens) {
        StringBuilder expected = new StringBuilder();
        int depth = 0;
        for (String token : tokens) {
            if (!isString(token)) {
                depth += "([{".contains(token) ? 1 : ")]}".contains(token) ? -1 : 0;
                expected.append(token).append('@').append(depth).append(' ');
            }
        }

        assertThat(visits(String.join("", tokens), 0)).isEqualTo(expected.toString());
    }

    @Test
    void aScanBeginsWhereItIsToldTo() {
        assertThat(visits("a, (b, c)", 3)).isEqualTo("(@1 b@1 ,@1  @1 c@1 )@0 ");
    }

    @Test
    void theCharacterAfterTheCurrentOneCanBeSteppedOver() {
        PythonBracketScanner scanner = new PythonBracketScanner("a=='b'x", 0);
        scanner.advance();
        scanner.advance();
        scanner.skipNext();

        assertThat(scanner.advance()).isTrue();
        assertThat(scanner.current()).isEqualTo('x');
        assertThat(scanner.index()).isEqualTo(6);
        assertThat(scanner.advance()).isFalse();
    }

    @Test
    void anUnterminatedStringIsRefusedAsTheTokenizerRefusesIt() {
        PythonBracketScanner scanner = new PythonBracketScanner("a 'b", 0);
        scanner.advance();
        scanner.advance();

        assertThatThrownBy(scanner::advance)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unterminated string literal");
    }

    @Provide
    Arbitrary<List<String>> tokenLists() {
        return Arbitraries.of("a", "=", ",", " ", "(", ")", "[", "]", "{", "}", "'(x'", "\"]\"", "'''a\n)'''", "'\\''")
                .list()
                .ofMaxSize(20);
    }

    private static boolean isString(String token) {
        return token.startsWith("'") || token.startsWith("\"");
    }

    /** Each visited character with its depth: {@code c@depth }. */
    private static String visits(String code, int from) {
        PythonBracketScanner scanner = new PythonBracketScanner(code, from);
        StringBuilder visits = new StringBuilder();
        while (scanner.advance()) {
            visits.append(scanner.current()).append('@').append(scanner.depth()).append(' ');
            assertThat(code.charAt(scanner.index())).isEqualTo(scanner.current());
            assertThat(scanner.atClosingBracket()).isEqualTo(")]}".indexOf(scanner.current()) >= 0);
        }
        return visits.toString();
    }
}
