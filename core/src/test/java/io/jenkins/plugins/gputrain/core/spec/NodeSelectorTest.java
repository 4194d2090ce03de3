package io.jenkins.plugins.gputrain.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code nodeSelector}: the kubernetes-plugin's {@code key=value[,key=value…]}, validated like Kubernetes labels. */
class NodeSelectorTest {
    @Test
    void guideSelector() {
        assertThat(NodeSelector.parse("gpu=true").labels()).containsExactly(Map.entry("gpu", "true"));
    }

    @Test
    void commaSeparatedEntriesWithWhitespaceTrimmed() {
        NodeSelector selector = NodeSelector.parse(" gpu = true , cloud.google.com/gke-accelerator=nvidia-tesla-t4 ");

        assertThat(selector.labels())
                .containsExactly(
                        Map.entry("cloud.google.com/gke-accelerator", "nvidia-tesla-t4"), Map.entry("gpu", "true"));
        assertThat(selector.toSpec()).isEqualTo("cloud.google.com/gke-accelerator=nvidia-tesla-t4,gpu=true");
    }

    @Test
    void blankOrNullMeansNoSelector() {
        assertThat(NodeSelector.parse("  ").isEmpty()).isTrue();
        assertThat(NodeSelector.parse((String) null)).isEqualTo(NodeSelector.NONE);
    }

    @Test
    void emptyValueIsAValidLabelValue() {
        assertThat(NodeSelector.parse("dedicated=").labels()).containsExactly(Map.entry("dedicated", ""));
    }

    @Test
    void repeatedOptionCombinesAndAcceptsTheSameValueTwice() {
        NodeSelector selector = NodeSelector.parse(List.of("gpu=true", "zone=a,gpu=true"));

        assertThat(selector.labels()).containsExactly(Map.entry("gpu", "true"), Map.entry("zone", "a"));
    }

    @Test
    void longestValidKeyAndValue() {
        String name = "a".repeat(63);
        String prefix = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(61);

        assertThat(prefix).hasSize(253);
        assertThat(NodeSelector.parse(prefix + "/" + name + "=" + name).labels())
                .hasSize(1);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "gpu|entry 'gpu' has no '='",
                "gpu=true,,zone=a|empty entry between commas",
                "gpu=true,|empty entry between commas",
                "=true|key '' is not a valid label key: name part is empty",
                "gpu=true,gpu=false|key 'gpu' is given twice, as 'true' and 'false'",
                "gpu=tr ue|value 'tr ue' of key 'gpu' is not a valid label value: must be alphanumeric at both ends with"
                        + " only '-', '_' or '.' inside (at most 63 characters, alphanumeric at both ends, '-', '_' or '.'"
                        + " inside, or empty)",
                "gpu=-true|value '-true' of key 'gpu' is not a valid label value: must be alphanumeric at both ends with"
                        + " only '-', '_' or '.' inside (at most 63 characters, alphanumeric at both ends, '-', '_' or '.'"
                        + " inside, or empty)",
                "a=b=c|value 'b=c' of key 'a' is not a valid label value: must be alphanumeric at both ends with only '-',"
                        + " '_' or '.' inside (at most 63 characters, alphanumeric at both ends, '-', '_' or '.' inside, or"
                        + " empty)",
                "gp u=true|key 'gp u' is not a valid label key: name part 'gp u' must be alphanumeric at both ends with"
                        + " only '-', '_' or '.' inside",
                "Example.com/gpu=true|key 'Example.com/gpu' is not a valid label key: prefix 'Example.com' must be a"
                        + " lower-case DNS subdomain of at most 253 characters",
                "/gpu=true|key '/gpu' is not a valid label key: prefix '' must be a lower-case DNS subdomain of at most"
                        + " 253 characters",
                "example.com/=true|key 'example.com/' is not a valid label key: name part is empty",
                "a/b/c=true|key 'a/b/c' is not a valid label key: name part 'b/c' must be alphanumeric at both ends with"
                        + " only '-', '_' or '.' inside",
            })
    void badSelectorsSayWhatIsWrong(String text, String reason) {
        assertThatThrownBy(() -> NodeSelector.parse(text))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("nodeSelector '" + text + "': " + reason
                        + " (expected key=value[,key=value…] with Kubernetes label keys and values)");
    }

    @Test
    void tooLongNameOrValueOrPrefix() {
        String long64 = "a".repeat(64);

        assertThatThrownBy(() -> NodeSelector.parse(long64 + "=x"))
                .hasMessageContaining("name part is 64 characters long (at most 63)");
        assertThatThrownBy(() -> NodeSelector.parse("x=" + long64))
                .hasMessageContaining("not a valid label value: is 64 characters long");
        assertThatThrownBy(() -> NodeSelector.parse("a".repeat(254) + "/x=y"))
                .hasMessageContaining("must be a lower-case DNS subdomain of at most 253 characters");
    }

    @Test
    void keyRepeatedAcrossOptionsWithAnotherValue() {
        assertThatThrownBy(() -> NodeSelector.parse(List.of("gpu=true", "gpu=yes")))
                .hasMessageStartingWith("nodeSelector 'gpu=yes': key 'gpu' is given twice, as 'true' and 'yes'");
    }

    @Property(tries = 2000)
    void arbitraryTextEitherParsesOrRaisesTheDomainError(@ForAll String text) {
        try {
            NodeSelector selector = NodeSelector.parse(text);
            selector.labels().forEach((key, value) -> {
                assertThat(LabelSyntax.keyProblem(key)).isEmpty();
                assertThat(LabelSyntax.valueProblem(value)).isEmpty();
            });
        } catch (InvalidSpecException e) {
            assertThat(e.getMessage()).startsWith("nodeSelector '").doesNotContain("\n");
        }
    }

    @Property(tries = 1000)
    void acceptedSelectorsRoundTrip(@ForAll("selectors") String text) {
        NodeSelector selector = NodeSelector.parse(text);

        assertThat(NodeSelector.parse(selector.toSpec())).isEqualTo(selector);
    }

    @Provide
    Arbitrary<String> selectors() {
        Arbitrary<String> name =
                Arbitraries.strings().withChars("abcXYZ019").ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> entry = Combinators.combine(name, name).as((k, v) -> k + "=" + v);
        return entry.list()
                .ofMinSize(1)
                .ofMaxSize(5)
                .uniqueElements(e -> e.substring(0, e.indexOf('=')))
                .map(entries -> String.join(",", entries));
    }
}
