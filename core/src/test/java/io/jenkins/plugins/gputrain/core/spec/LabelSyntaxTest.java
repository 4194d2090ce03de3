package io.jenkins.plugins.gputrain.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class LabelSyntaxTest {
    @Property
    void anyTextBecomesAValidLabelValueOrNothing(@ForAll String text) {
        LabelSyntax.toValue(text).ifPresent(value -> {
            assertThat(LabelSyntax.valueProblem(value)).isEmpty();
            assertThat(value).isNotEmpty();
        });
    }

    @Property
    void aValidNonEmptyValueIsKeptAsItIs(@ForAll String text) {
        LabelSyntax.toValue(text)
                .ifPresent(value -> assertThat(LabelSyntax.toValue(value)).contains(value));
    }

    @Example
    void userAndJobNamesKeepTheirReadablePart() {
        assertThat(LabelSyntax.toValue("Alice Smith")).contains("Alice-Smith");
        assertThat(LabelSyntax.toValue("ml/train #42")).contains("ml-train--42");
        assertThat(LabelSyntax.toValue("_jenkins_")).contains("jenkins");
        assertThat(LabelSyntax.toValue("ÄÖÜ")).isEmpty();
        assertThat(LabelSyntax.toValue("x".repeat(100))).contains("x".repeat(63));
    }
}
