package io.jenkins.plugins.gputrain.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the {@code cpuMemory} parser over generated input. */
class MachineSizePropertiesTest {
    @Property(tries = 2000)
    void arbitraryTextEitherParsesOrRaisesTheDomainError(@ForAll("nearMisses") String text) {
        assertParsesOrIsDomainError(text);
    }

    @Property(tries = 1000)
    void anyUnicodeTextEitherParsesOrRaisesTheDomainError(@ForAll String text) {
        assertParsesOrIsDomainError(text);
    }

    @Property(tries = 1000)
    void acceptedSpecsRoundTripToTheSameQuantities(@ForAll("validSpecs") String spec) {
        MachineSize size = MachineSize.parse(spec);
        MachineSize again = MachineSize.parse(size.toSpec());

        assertThat(again.cpu().amount()).isEqualByComparingTo(size.cpu().amount());
        assertThat(again.memory().amount()).isEqualByComparingTo(size.memory().amount());
        assertThat(again.gpus()).isEqualTo(size.gpus());
        assertThat(size.cpu().amount())
                .isEqualByComparingTo(
                        Quantity.getAmountInBytes(new Quantity(size.cpu().value())));
        assertThat(size.memory().amount())
                .isEqualByComparingTo(
                        Quantity.getAmountInBytes(new Quantity(size.memory().value())));
    }

    private static void assertParsesOrIsDomainError(String text) {
        try {
            MachineSize size = MachineSize.parse(text);
            assertThat(size.cpu().isZero()).isFalse();
            assertThat(size.memory().isZero()).isFalse();
        } catch (InvalidSpecException e) {
            assertThat(e.getMessage()).startsWith("cpuMemory '").doesNotContain("\n", "\r");
        }
    }

    @Provide
    Arbitrary<String> nearMisses() {
        return Arbitraries.strings().withChars("0123456789-+*.mMGiKkgx tv ").ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> validSpecs() {
        Arbitrary<String> cpu = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 512).map(String::valueOf),
                Arbitraries.integers().between(1, 64_000).map(m -> m + "m"),
                Arbitraries.integers().between(1, 999).map(m -> "0." + String.format("%03d", m)));
        Arbitrary<String> memory = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 2_000_000).map(String::valueOf),
                Combinators.combine(
                                Arbitraries.integers().between(1, 4096),
                                Arbitraries.of("k", "M", "G", "T", "Ki", "Mi", "Gi", "Ti"))
                        .as((n, unit) -> n + unit));
        Arbitrary<String> gpus = Arbitraries.oneOf(
                Arbitraries.just(""),
                Combinators.combine(
                                Arbitraries.of("nvidia-tesla-t4", "a100", "nvidia.com_h100", "v100"),
                                Arbitraries.integers().between(1, 16))
                        .as((model, count) -> "+" + model + "*" + count));
        Arbitrary<String> explicit = Combinators.combine(cpu, memory, gpus).as((c, m, g) -> c + "-" + m + g);
        return Arbitraries.oneOf(explicit, Arbitraries.of(NamedSize.values()).map(NamedSize::label));
    }
}
