package io.jenkins.plugins.gputrain.core.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code cpuMemory} asks for: CPUs and memory for the training container and, optionally, GPUs.
 *
 * @param cpu CPU cores
 * @param memory memory in bytes
 * @param accelerator the GPUs, or {@code null} for none
 */
public record MachineSize(ResourceQuantity cpu, ResourceQuantity memory, Accelerator accelerator) {
    /** The name of the field in a Jenkinsfile, used in messages. */
    public static final String FIELD = "cpuMemory";

    /** The forms {@code cpuMemory} accepts, for messages. */
    public static final String EXPECTED = "{cpu}-{memory}[+{model}*{count}] or s|m|l|xl";

    /** What CML uses when {@code --cloud-type} is not given, and so does gpu-train. */
    public static final NamedSize DEFAULT = NamedSize.M;

    /** Validates the parts. */
    public MachineSize {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
    }

    /**
     * Reads a {@code cpuMemory} value.
     *
     * @param spec the value, e.g. {@code 1-2000}, {@code 4-16000+nvidia-tesla-t4*1}, {@code m+v100}, {@code 250m-512Mi}
     * @return the machine size
     * @throws InvalidSpecException naming {@code cpuMemory}, the input, the problem and the accepted forms
     */
    public static MachineSize parse(String spec) {
        return new MachineSizeParser(spec).parse();
    }

    /** The GPUs, if any. */
    public Optional<Accelerator> gpus() {
        return Optional.ofNullable(accelerator);
    }

    /** The size in the explicit {@code {cpu}-{memory}[+{model}*{count}]} form, which parses back to this size. */
    public String toSpec() {
        return cpu.value() + "-" + memory.value()
                + gpus().map(a -> "+" + a.model() + "*" + a.count()).orElse("");
    }
}
