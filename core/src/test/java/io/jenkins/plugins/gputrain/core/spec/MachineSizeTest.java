package io.jenkins.plugins.gputrain.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cpuMemory}: CML's {@code --cloud-type} grammar on Kubernetes (runner path), plus documented extensions. */
class MachineSizeTest {
    @Test
    void guideValueIsOneCpuAndTwoThousandDecimalMegabytes() {
        MachineSize size = MachineSize.parse("1-2000");

        assertThat(size.cpu().value()).isEqualTo("1");
        assertThat(size.cpu().amount()).isEqualByComparingTo("1");
        assertThat(size.memory().value()).isEqualTo("2000M");
        assertThat(size.memory().amount()).isEqualByComparingTo("2000000000");
        assertThat(size.gpus()).isEmpty();
    }

    @Test
    void gpuSuffixGivesModelAndCount() {
        MachineSize size = MachineSize.parse("4-16000+nvidia-tesla-t4*1");

        assertThat(size.cpu().value()).isEqualTo("4");
        assertThat(size.memory().value()).isEqualTo("16000M");
        assertThat(size.gpus()).contains(new Accelerator("nvidia-tesla-t4", 1));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(MachineSize.parse("  1-2000\t")).isEqualTo(MachineSize.parse("1-2000"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "s,       1,  1Gi,   ,                  0",
        "m,       8,  32Gi,  ,                  0",
        "l,       32, 128Gi, ,                  0",
        "xl,      64, 256Gi, ,                  0",
        "m+k80,   4,  64Gi,  nvidia-tesla-k80,  1",
        "l+k80,   32, 512Gi, nvidia-tesla-k80,  8",
        "xl+k80,  64, 768Gi, nvidia-tesla-k80,  16",
        "m+v100,  8,  64Gi,  nvidia-tesla-v100, 1",
        "l+v100,  32, 256Gi, nvidia-tesla-v100, 4",
        "xl+v100, 64, 512Gi, nvidia-tesla-v100, 8",
    })
    void namedSizesAreCmlsRunnerTable(String name, String cpu, String memory, String model, int gpus) {
        MachineSize size = MachineSize.parse(name);

        assertThat(size.cpu().value()).isEqualTo(cpu);
        assertThat(size.memory().value()).isEqualTo(memory);
        if (model == null) {
            assertThat(size.gpus()).isEmpty();
        } else {
            assertThat(size.gpus()).contains(new Accelerator(model, gpus));
        }
    }

    @Test
    void defaultIsCmlsDefaultM() {
        assertThat(MachineSize.DEFAULT.size()).isEqualTo(MachineSize.parse("m"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // fractional and milli CPUs, memory with an explicit unit: extensions beyond CML (CML: invalid instance type)
        "1.5-2000,   1.5,  1.5,    2000M, 2000000000",
        "0.5-2000,   0.5,  0.5,    2000M, 2000000000",
        "250m-512Mi, 250m, 0.25,   512Mi, 536870912",
        "2-8Gi,      2,    2,      8Gi,   8589934592",
        "1-512Mi,    1,    1,      512Mi, 536870912",
        "1-2G,       1,    1,      2G,    2000000000",
        "1-0.5,      1,    1,      0.5M,  500000",
        "01-02000,   01,   1,      02000M, 2000000000",
    })
    void extensionsAndCmlLeadingZeros(String spec, String cpu, String cores, String memory, String bytes) {
        MachineSize size = MachineSize.parse(spec);

        assertThat(size.cpu().value()).isEqualTo(cpu);
        assertThat(size.cpu().amount()).isEqualByComparingTo(cores);
        assertThat(size.memory().value()).isEqualTo(memory);
        assertThat(size.memory().amount()).isEqualByComparingTo(bytes);
    }

    @Test
    void countUpToTheLargestIntIsAccepted() {
        assertThat(MachineSize.parse("1-1+t4*2147483647").gpus()).contains(new Accelerator("t4", Integer.MAX_VALUE));
    }

    @Test
    void messageNamesFieldInputProblemAndForms() {
        assertThatThrownBy(() -> MachineSize.parse("1-2000+t4*0"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("cpuMemory '1-2000+t4*0': GPU count must be at least 1"
                        + " (expected {cpu}-{memory}[+{model}*{count}] or s|m|l|xl)");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "''|must not be empty",
                "'   '|must not be empty",
                "0-2000|CPU must be greater than 0",
                "0m-2000|CPU must be greater than 0",
                "1-0|memory must be greater than 0",
                "1-0Gi|memory must be greater than 0",
                "1-|memory is missing after '-'",
                "-2000|CPU is missing before '-'",
                "1|memory is missing after the CPU count",
                "xxl|unknown named size 'xxl' (named sizes: s, m, l, xl, m+k80, l+k80, xl+k80, m+v100, l+v100, xl+v100)",
                "m+t4|unknown named size 'm+t4' (named sizes: s, m, l, xl, m+k80, l+k80, xl+k80, m+v100, l+v100, xl+v100)",
                "M|not a machine size",
                "1-2000*2|a GPU count needs an accelerator model (write +{model}*{count}, e.g. +nvidia-tesla-t4*1)",
                "1-2000+t4|GPU count is missing after the accelerator model (write +{model}*{count}, e.g. +nvidia-tesla-t4*1)",
                "4-16000+*1|accelerator model is missing before '*'",
                "4-16000+nvidia*0|GPU count must be at least 1",
                "4-16000+nvidia*two|GPU count 'two' is not a whole number",
                "4-16000+nvidia*|GPU count '' is not a whole number",
                "4-16000+nvidia*2147483648|GPU count '2147483648' is too large",
                "4-16000+nvidia tesla*1|accelerator model 'nvidia tesla' is not usable as a node label value:"
                        + " must be alphanumeric at both ends with only '-', '_' or '.' inside",
                "1.5x-2000|CPU '1.5x' is not a number of cores (write 2, 0.5 or 500m)",
                "1e3-2000|CPU '1e3' is not a number of cores (write 2, 0.5 or 500m)",
                "0.0001-2000|CPU '0.0001' is finer than 1m (0.001 cores)",
                "9223372036854776-1|CPU '9223372036854776' is too large for a Kubernetes quantity",
                "1-512m|memory unit 'm' means thousandths of a byte (write M, Mi, G or Gi)",
                "1-lots|memory 'lots' is not a number of megabytes or a Kubernetes quantity (write 2000, 2000M, 512Mi or"
                        + " 8Gi)",
                "1-2GB|memory '2GB' is not a number of megabytes or a Kubernetes quantity (write 2000, 2000M, 512Mi or"
                        + " 8Gi)",
                "1-99999999999999999999|memory '99999999999999999999' is too large for a Kubernetes quantity",
                "1-0.0000001|memory '0.0000001' is not a whole number of bytes",
                "1-2000-3|memory '2000-3' is not a number of megabytes or a Kubernetes quantity (write 2000, 2000M, 512Mi"
                        + " or 8Gi)",
            })
    void badInputsSayWhatIsWrong(String spec, String reason) {
        assertThatThrownBy(() -> MachineSize.parse(spec))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("cpuMemory '" + spec + "': " + reason
                        + " (expected {cpu}-{memory}[+{model}*{count}] or s|m|l|xl)")
                .extracting(e -> ((InvalidSpecException) e).reason())
                .isEqualTo(reason);
    }

    @Test
    void nullIsEmpty() {
        assertThatThrownBy(() -> MachineSize.parse(null)).hasMessageStartingWith("cpuMemory '': must not be empty");
    }

    @Test
    void otherFieldNameForTheCommandLine() {
        InvalidSpecException error = new InvalidSpecException("cpuMemory", "x", "bad", "good");

        assertThat(error.withField("--cpu-memory")).hasMessage("--cpu-memory 'x': bad (expected good)");
    }

    @Test
    void toSpecParsesBackToTheSameSize() {
        for (String spec : new String[] {"1-2000", "m+v100", "250m-512Mi", "4-16000+nvidia-tesla-t4*2", "xl"}) {
            MachineSize size = MachineSize.parse(spec);
            MachineSize again = MachineSize.parse(size.toSpec());

            assertThat(again.cpu().amount()).isEqualByComparingTo(size.cpu().amount());
            assertThat(again.memory().amount())
                    .isEqualByComparingTo(size.memory().amount());
            assertThat(again.gpus()).isEqualTo(size.gpus());
        }
        assertThat(MachineSize.parse("m+k80").toSpec()).isEqualTo("4-64Gi+nvidia-tesla-k80*1");
    }

    @Test
    void largestQuantityIsTheSchedulersInt64MilliUnits() {
        assertThat(ResourceQuantity.MAX_AMOUNT).isEqualByComparingTo(new BigDecimal("9223372036854775.807"));
    }
}
