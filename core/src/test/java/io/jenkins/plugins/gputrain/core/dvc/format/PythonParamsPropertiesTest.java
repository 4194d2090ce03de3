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
        } catch (IllegalArgumentException e) {
            // the syntax errors Python would raise, which make the file unreadable; nothing else may escape
            assertThat(e.getMessage())
                    .matches("unclosed bracket or string|invalid string prefix .+"
                            + "|cannot mix bytes and nonbytes literals|bytes can only contain ASCII literal characters"
                            + "|truncated \\\\.* escape|malformed \\\\N character escape");
        }
    }

    @Provide
    Arbitrary<String> pythonish() {
        return Arbitraries.strings()
                .withChars("AB=:()[]{},.'\"\\#\n 0x1_e-+TrueNoneclass self")
                .ofMaxLength(40);
    }
}
