package io.jenkins.plugins.gputrain.core.spec;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity: the text put into the pod spec ({@code 1}, {@code 250m}, {@code 2000M},
 * {@code 32Gi}) and the amount it stands for in base units (cores for CPU, bytes for memory).
 *
 * <p>Accepted text: a non-negative decimal number with an optional suffix {@code m k M G T P E Ki Mi Gi Ti Pi Ei}.
 * Signs and exponents, which Kubernetes also allows, are not needed for CPU or memory and are refused.
 *
 * @param value the quantity as Kubernetes reads it
 * @param amount the amount in base units
 */
public record ResourceQuantity(String value, BigDecimal amount) {
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final Map<String, BigDecimal> MULTIPLIERS = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("m", new BigDecimal("0.001")),
            Map.entry("k", BigDecimal.TEN.pow(3)),
            Map.entry("M", BigDecimal.TEN.pow(6)),
            Map.entry("G", BigDecimal.TEN.pow(9)),
            Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("P", BigDecimal.TEN.pow(15)),
            Map.entry("E", BigDecimal.TEN.pow(18)),
            Map.entry("Ki", TWO.pow(10)),
            Map.entry("Mi", TWO.pow(20)),
            Map.entry("Gi", TWO.pow(30)),
            Map.entry("Ti", TWO.pow(40)),
            Map.entry("Pi", TWO.pow(50)),
            Map.entry("Ei", TWO.pow(60)));

    /**
     * The largest amount Kubernetes can hold for a resource: the scheduler compares quantities as signed 64-bit
     * milli-units.
     */
    public static final BigDecimal MAX_AMOUNT =
            BigDecimal.valueOf(Long.MAX_VALUE).divide(BigDecimal.valueOf(1000));

    /**
     * Reads a quantity.
     *
     * @param text the quantity text
     * @return the quantity, or empty when the text is not of the accepted form
     */
    public static Optional<ResourceQuantity> parse(String text) {
        Matcher matcher = QUANTITY.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String suffix = matcher.group(2) == null ? "" : matcher.group(2);
        BigDecimal amount = new BigDecimal(matcher.group(1)).multiply(MULTIPLIERS.get(suffix));
        return Optional.of(new ResourceQuantity(text, amount.stripTrailingZeros()));
    }

    /** Whether the amount is more than Kubernetes can hold. */
    public boolean isTooLarge() {
        return amount.compareTo(MAX_AMOUNT) > 0;
    }

    /** Whether the amount is zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
