package io.jenkins.plugins.gputrain.core.dvc.value;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@link Value.Str}'s written-out {@code equals} and {@code hashCode} keep a record's contract. */
class StrEqualityTest {
    @Property
    void equalExactlyWhenTheTextsAreEqual(@ForAll String a, @ForAll String b) {
        assertThat(new Value.Str(a).equals(new Value.Str(b))).isEqualTo(a.equals(b));
        assertThat(new Value.Str(a)).isEqualTo(new Value.Str(new String(a)));
        assertThat(new Value.Str(a).hashCode()).isEqualTo(new Value.Str(new String(a)).hashCode());
    }

    @Property
    void neverEqualToAnotherKindOfValue(@ForAll String text) {
        assertThat(new Value.Str(text)).isNotEqualTo(new Value.Bool(true)).isNotEqualTo(text);
        assertThat(new Value.Str(text)).isNotEqualTo(null);
    }

    @Property
    void aNullTextIsEqualOnlyToANullText(@ForAll String text) {
        assertThat(new Value.Str(null)).isEqualTo(new Value.Str(null)).isNotEqualTo(new Value.Str(text));
        assertThat(new Value.Str(null).hashCode()).isZero();
    }
}
