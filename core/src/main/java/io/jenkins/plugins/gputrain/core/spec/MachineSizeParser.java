package io.jenkins.plugins.gputrain.core.spec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Parses one {@code cpuMemory} value; each problem gets its own message. */
final class MachineSizeParser {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern CPU = Pattern.compile("\\d+(\\.\\d+)?m?");
    private static final Pattern NAME_LIKE = Pattern.compile("[a-z]+(\\+[a-z0-9.-]+)?");
    private static final BigDecimal MILLI = new BigDecimal("0.001");

    private final String input;

    MachineSizeParser(String input) {
        this.input = input;
    }

    MachineSize parse() {
        if (input == null || input.isBlank()) {
            throw invalid("must not be empty");
        }
        String spec = input.strip();
        var named = NamedSize.byLabel(spec);
        if (named.isPresent()) {
            return named.get().size();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            if (NAME_LIKE.matcher(spec).matches()) {
                throw invalid("unknown named size '" + spec + "' (named sizes: " + NamedSize.labels() + ")");
            }
            if (DIGITS.matcher(spec).matches()) {
                throw invalid("memory is missing after the CPU count");
            }
            throw invalid("not a machine size");
        }
        String cpuText = spec.substring(0, dash);
        String rest = spec.substring(dash + 1);
        int plus = rest.indexOf('+');
        String memoryText = plus < 0 ? rest : rest.substring(0, plus);
        if (cpuText.isEmpty()) {
            throw invalid("CPU is missing before '-'");
        }
        if (memoryText.contains("*")) {
            throw invalid("a GPU count needs an accelerator model (write +{model}*{count}, e.g. +nvidia-tesla-t4*1)");
        }
        if (memoryText.isEmpty()) {
            throw invalid("memory is missing after '-'");
        }
        ResourceQuantity cpu = cpu(cpuText);
        ResourceQuantity memory = memory(memoryText);
        Accelerator accelerator = plus < 0 ? null : accelerator(rest.substring(plus + 1));
        return new MachineSize(cpu, memory, accelerator);
    }

    private ResourceQuantity cpu(String text) {
        if (!CPU.matcher(text).matches()) {
            throw invalid("CPU '" + text + "' is not a number of cores (write 2, 0.5 or 500m)");
        }
        ResourceQuantity cpu = ResourceQuantity.parse(text).orElseThrow();
        if (cpu.isZero()) {
            throw invalid("CPU must be greater than 0");
        }
        if (cpu.isTooLarge()) {
            throw invalid("CPU '" + text + "' is too large for a Kubernetes quantity");
        }
        if (cpu.amount().remainder(MILLI).signum() != 0) {
            throw invalid("CPU '" + text + "' is finer than 1m (0.001 cores)");
        }
        return cpu;
    }

    private ResourceQuantity memory(String text) {
        String quantity = DECIMAL.matcher(text).matches() ? text + "M" : text;
        if (text.endsWith("m")) {
            throw invalid("memory unit 'm' means thousandths of a byte (write M, Mi, G or Gi)");
        }
        ResourceQuantity memory = ResourceQuantity.parse(quantity)
                .orElseThrow(() -> invalid("memory '" + text + "' is not a number of megabytes or a Kubernetes"
                        + " quantity (write 2000, 2000M, 512Mi or 8Gi)"));
        if (memory.isZero()) {
            throw invalid("memory must be greater than 0");
        }
        if (memory.isTooLarge()) {
            throw invalid("memory '" + text + "' is too large for a Kubernetes quantity");
        }
        if (memory.amount().stripTrailingZeros().scale() > 0) {
            throw invalid("memory '" + text + "' is not a whole number of bytes");
        }
        return memory;
    }

    private Accelerator accelerator(String text) {
        int star = text.indexOf('*');
        if (star < 0) {
            throw invalid("GPU count is missing after the accelerator model (write +{model}*{count},"
                    + " e.g. +nvidia-tesla-t4*1)");
        }
        String model = text.substring(0, star);
        String count = text.substring(star + 1);
        if (model.isEmpty()) {
            throw invalid("accelerator model is missing before '*'");
        }
        if (!DIGITS.matcher(count).matches()) {
            throw invalid("GPU count '" + count + "' is not a whole number");
        }
        BigInteger gpus = new BigInteger(count);
        if (gpus.signum() == 0) {
            throw invalid("GPU count must be at least 1");
        }
        if (gpus.bitLength() > 31) {
            throw invalid("GPU count '" + count + "' is too large");
        }
        LabelSyntax.valueProblem(model).ifPresent(problem -> {
            throw invalid("accelerator model '" + model + "' is not usable as a node label value: " + problem);
        });
        return new Accelerator(model, gpus.intValueExact());
    }

    private InvalidSpecException invalid(String reason) {
        return new InvalidSpecException(MachineSize.FIELD, input, reason, MachineSize.EXPECTED);
    }
}
