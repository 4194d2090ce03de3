package io.jenkins.plugins.gputrain.core.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads a size limit in bytes written as a Kubernetes quantity ({@code 256Mi}, {@code 1Gi}, {@code 500M}), for limits
 * on data that is held in memory, such as the workspace copied into the pod.
 */
public final class ByteSize {
    /** The largest limit: what one Java byte array can hold. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 8L;

    /** The forms a size is written in, for messages. */
    public static final String EXPECTED = "a size such as 256Mi, 1Gi or 500M, at most 2047Mi";

    private ByteSize() {}

    /**
     * Reads a size.
     *
     * @param field the field or option name, for messages
     * @param text the size as written
     * @return the size in bytes (fractions of a byte dropped), from 1 to {@link #MAX_BYTES}
     * @throws InvalidSpecException naming the field when the text is not such a size
     */
    public static long parse(String field, String text) {
        ResourceQuantity quantity = ResourceQuantity.parse(text == null ? "" : text.strip())
                .orElseThrow(() -> new InvalidSpecException(field, text, "not a size", EXPECTED));
        BigDecimal bytes = quantity.amount().setScale(0, RoundingMode.DOWN);
        if (bytes.signum() <= 0) {
            throw new InvalidSpecException(field, text, "must be at least 1 byte", EXPECTED);
        }
        if (bytes.compareTo(BigDecimal.valueOf(MAX_BYTES)) > 0) {
            throw new InvalidSpecException(field, text, "is more than can be held in memory", EXPECTED);
        }
        return bytes.longValueExact();
    }
}
