package io.jenkins.plugins.gputrain.core.dvc.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PythonParamsPropertiesTest {
    @Property(tries = 3000)
    void pythonLikeTextEitherReadsOrIsMalformed(@ForAll("pythonish") String source) {
        try {
            assertThat(PythonParams.read(source)).isNotNull();
        } catch (PythonLiteral.Unhashable e) {
            assertThat(e.getMessage()).matches("unhashable type: '(list|dict|set)'");
        } catch (IllegalArgumentException e) {
            // the syntax errors Python would raise, which make the file unreadable; nothing else may escape
            assertThat(e.getMessage())
                    .matches("line \\d+: (unclosed bracket|unterminated string literal|unmatched '[)\\]}]'"
                            + "|unexpected character after line continuation character|invalid decimal literal"
                            + "|invalid [xob] literal|leading zeros in decimal integer literals are not permitted"
                            + "|invalid string prefix .+"
                            + "|cannot mix bytes and nonbytes literals|bytes can only contain ASCII literal characters"
                            + "|truncated \\\\.* escape|malformed \\\\N character escape"
                            + "|unexpected indent|unindent does not match any outer indentation level"
                            + "|inconsistent use of tabs and spaces in indentation|expected an indented block after line \\d+"
                            + "|cannot assign to this expression|illegal expression for augmented assignment"
                            + "|invalid character U\\+[0-9A-F]{4,})");
        }
    }

    @Provide
    Arbitrary<String> pythonish() {
        return Arbitraries.strings()
                .withChars("AB=:;()[]{},.'\"\\#\n \t\f0x1_e-+jTrueNoneclass self$")
                .ofMaxLength(40);
    }
}
