package io.jenkins.plugins.gputrain.core.spec;

/**
 * GPUs requested by a machine size: how many, and of which model. The model is free text as in CML; it is used as
 * the accelerator node label value when the user gives no node selector.
 *
 * @param model the accelerator model, e.g. {@code nvidia-tesla-t4}
 * @param count how many, at least 1
 */
public record Accelerator(String model, int count) {
    /** Validates the count. */
    public Accelerator {
        if (count < 1) {
            throw new IllegalArgumentException("GPU count must be at least 1, was " + count);
        }
    }
}
