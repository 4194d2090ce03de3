package io.jenkins.plugins.gputrain.core.spec;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The named machine sizes of {@code cml runner --cloud=kubernetes --cloud-type=…} (terraform-provider-iterative's
 * Kubernetes runner table), with the same CPUs, memory, GPU counts and accelerator models.
 */
public enum NamedSize {
    S("s", 1, "1Gi", null, 0),
    M("m", 8, "32Gi", null, 0),
    L("l", 32, "128Gi", null, 0),
    XL("xl", 64, "256Gi", null, 0),
    M_K80("m+k80", 4, "64Gi", "nvidia-tesla-k80", 1),
    L_K80("l+k80", 32, "512Gi", "nvidia-tesla-k80", 8),
    XL_K80("xl+k80", 64, "768Gi", "nvidia-tesla-k80", 16),
    M_V100("m+v100", 8, "64Gi", "nvidia-tesla-v100", 1),
    L_V100("l+v100", 32, "256Gi", "nvidia-tesla-v100", 4),
    XL_V100("xl+v100", 64, "512Gi", "nvidia-tesla-v100", 8);

    private final String label;
    private final MachineSize size;

    NamedSize(String label, int cpus, String memory, String model, int gpus) {
        this.label = label;
        this.size = new MachineSize(
                new ResourceQuantity(String.valueOf(cpus), BigDecimal.valueOf(cpus)),
                ResourceQuantity.parse(memory).orElseThrow(),
                model == null ? null : new Accelerator(model, gpus));
    }

    /** The name users type, e.g. {@code m+v100}. */
    public String label() {
        return label;
    }

    /** The machine size the name stands for. */
    public MachineSize size() {
        return size;
    }

    /**
     * Looks a name up.
     *
     * @param name the name as typed
     * @return the size, or empty when the name is not in the table
     */
    public static Optional<NamedSize> byLabel(String name) {
        return Arrays.stream(values()).filter(n -> n.label.equals(name)).findFirst();
    }

    /** All names, comma-separated, for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(NamedSize::label).collect(Collectors.joining(", "));
    }
}
