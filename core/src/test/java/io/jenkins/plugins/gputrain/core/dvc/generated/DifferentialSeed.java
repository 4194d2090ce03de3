package io.jenkins.plugins.gputrain.core.dvc.generated;

/**
 * The seed of the differential tests' generated repositories, from {@code -Ddvc.differential.seed}: absent, the
 * fixed {@link #REGRESSION} seed, so that the build (and CI) compares the same repositories every run and a red build
 * means a change broke something; {@code random}, a new seed per run to look for new differences; a number, that seed
 * replayed.
 */
public final class DifferentialSeed {
    /** The seed every build runs: its repositories gave no differences with DVC 3.67.1 when it was chosen. */
    public static final long REGRESSION = 11_295_882_586_393L;

    private static final String PROPERTY = "dvc.differential.seed";

    private DifferentialSeed() {}

    /** The seed this run uses. */
    public static long current() {
        String value = System.getProperty(PROPERTY, "").strip();
        if (value.isEmpty()) {
            return REGRESSION;
        }
        if ("random".equals(value)) {
            return System.nanoTime();
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "-D" + PROPERTY + "='" + value + "': expected a whole number or 'random'", e);
        }
    }
}
