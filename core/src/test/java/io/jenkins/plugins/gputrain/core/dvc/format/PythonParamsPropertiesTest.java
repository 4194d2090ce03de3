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
            assertThat(e).hasMessage("unclosed bracket or string");
        }
    }

    @Provide
    Arbitrary<String> pythonish() {
        return Arbitraries.strings()
                .withChars("AB=:()[]{},.'\"\\#\n 0x1_e-+TrueNoneclass self")
                .ofMaxLength(40);
    }
}
