package io.jenkins.plugins.gputrain.core.spec;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as users write them for timeouts: {@code 90} (seconds), {@code 90s}, {@code 30m}, {@code 2h},
 * {@code 1d}, combinations such as {@code 1h30m}, or ISO-8601 ({@code PT2H}).
 */
public final class DurationSpec {
    /** The forms a duration is written in, for messages. */
    public static final String EXPECTED = "a positive duration such as 90s, 30m, 2h, 1h30m, 1d or PT2H";

    private static final Pattern PARTS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Pattern SECONDS = Pattern.compile("\\d+");
    private static final Map<Integer, Long> SECONDS_PER_GROUP = Map.of(1, 86_400L, 2, 3_600L, 3, 60L, 4, 1L);
    private static final String UNITS = "dhms";

    private DurationSpec() {}

    /**
     * Reads a duration.
     *
     * @param field the field or option name, for messages
     * @param text the duration as written
     * @return the duration, positive
     * @throws InvalidSpecException naming the field when the text is not a positive duration
     */
    public static Duration parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSpecException(field, text, "must not be empty", EXPECTED);
        }
        String spec = text.strip();
        Duration duration =
                spec.startsWith("P") || spec.startsWith("p") ? iso(field, text, spec) : simple(field, text, spec);
        if (duration.isZero() || duration.isNegative()) {
            throw new InvalidSpecException(field, text, "must be longer than 0 seconds", EXPECTED);
        }
        return duration;
    }

    /**
     * Writes a duration the way {@link #parse} reads it and users write it: {@code 1h30m}, {@code 5m}, {@code 1d2h}.
     * Durations with a fraction of a second, and zero or negative ones, are written in ISO-8601.
     *
     * @param duration the duration
     * @return the short form
     */
    public static String format(Duration duration) {
        if (duration.isZero() || duration.isNegative() || duration.getNano() != 0) {
            return duration.toString();
        }
        long seconds = duration.getSeconds();
        StringBuilder text = new StringBuilder();
        for (int group = 1; group <= 4; group++) {
            long unit = SECONDS_PER_GROUP.get(group);
            if (seconds >= unit) {
                text.append(seconds / unit).append(UNITS.charAt(group - 1));
                seconds %= unit;
            }
        }
        return text.toString();
    }

    private static Duration iso(String field, String text, String spec) {
        try {
            return Duration.parse(spec);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidSpecException(field, text, "not an ISO-8601 duration", EXPECTED);
        }
    }

    private static Duration simple(String field, String text, String spec) {
        Matcher matcher = SECONDS.matcher(spec).matches() ? null : PARTS.matcher(spec);
        BigInteger seconds = BigInteger.ZERO;
        if (matcher == null) {
            seconds = new BigInteger(spec);
        } else if (matcher.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (matcher.group(group) != null) {
                    seconds = seconds.add(new BigInteger(matcher.group(group))
                            .multiply(BigInteger.valueOf(SECONDS_PER_GROUP.get(group))));
                }
            }
        } else {
            throw new InvalidSpecException(field, text, "not a duration", EXPECTED);
        }
        if (seconds.bitLength() > 62) {
            throw new InvalidSpecException(field, text, "is too long", EXPECTED);
        }
        return Duration.ofSeconds(seconds.longValueExact());
    }
}
