package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The YAML 1.2 schema of ruamel.yaml 0.19.1's safe loader, which DVC reads YAML files with: plain scalars resolved by
 * its implicit resolvers for version (1, 2) ({@code ruamel/yaml/resolver.py}: tried in order, only those listed for
 * the scalar's first character) and constructed as {@code SafeConstructor.construct_yaml_int}, {@code
 * construct_yaml_float} and {@code construct_yaml_timestamp} ({@code ruamel/yaml/util.py::create_timestamp}) do:
 * {@code 0b1_0} is 2, {@code +0x1F} 31, {@code 1_000.0_1} 1000.01, {@code .5e3} a string (its exponent has no sign),
 * {@code 2001-12-14 21:59:43.10 -5} a date-time with a -05:00 offset.
 */
final class RuamelYamlSchema implements Schema {
    static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");
    private static final Tag VALUE = new Tag(Tag.PREFIX + "value");
    private static final String DIGITS = "0123456789";

    private static final List<Resolver> RESOLVERS = List.of(
            new Resolver(Tag.BOOL, "true|True|TRUE|false|False|FALSE", "tTfF"),
            new Resolver(
                    Tag.FLOAT,
                    "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                            + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
                            + "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                            + "|[-+]?\\.(?:inf|Inf|INF)"
                            + "|\\.(?:nan|NaN|NAN)",
                    "-+." + DIGITS),
            new Resolver(Tag.INT, "[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+", "-+" + DIGITS),
            new Resolver(Tag.NULL, "~|null|Null|NULL", "~nN"),
            new Resolver(
                    TIMESTAMP,
                    "[0-9]{4}-[0-9]{2}-[0-9]{2}"
                            + "|[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}"
                            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?",
                    DIGITS),
            new Resolver(VALUE, "=", "="));

    /** {@code ruamel/yaml/util.py::timestamp_regexp}. */
    private static final Pattern TIMESTAMP_PARTS = Pattern.compile("(?<year>[0-9]{4})-(?<month>[0-9][0-9]?)"
            + "-(?<day>[0-9][0-9]?)(?:(?:[Tt]|[ \\t]+)(?<hour>[0-9][0-9]?):(?<minute>[0-9]{2}):(?<second>[0-9]{2})"
            + "(?:\\.(?<fraction>[0-9]*))?(?:[ \\t]*(?<tz>Z|(?<sign>[-+])(?<tzHour>[0-9][0-9]?)"
            + "(?::(?<tzMinute>[0-9]{2}))?))?)?");

    @Override
    public ScalarResolver getScalarResolver() {
        return (value, plain) -> {
            if (!plain) {
                return Tag.STR;
            }
            if (value.isEmpty()) {
                return Tag.NULL;
            }
            if (isDecimalFloat(value)) {
                return Tag.FLOAT;
            }
            for (Resolver resolver : RESOLVERS) {
                if (resolver.firstCharacters().indexOf(value.charAt(0)) >= 0
                        && resolver.pattern().matcher(value).matches()) {
                    return resolver.tag();
                }
            }
            return Tag.STR;
        };
    }

    /**
     * Whether a scalar is in the language of the float resolver's first two forms, {@code
     * [-+]?[0-9][0-9_]*(\\.[0-9_]*([eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)}, which decide most numbers without a regex
     * (a {@code false} decides nothing: the resolvers then run in order).
     */
    static boolean isDecimalFloat(String text) {
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        if (i >= text.length() || !isDigit(text.charAt(i))) {
            return false;
        }
        while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        boolean point = i < text.length() && text.charAt(i) == '.';
        if (point) {
            i++;
            while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
            if (i == text.length()) {
                return true;
            }
        }
        if (i >= text.length() || (text.charAt(i) != 'e' && text.charAt(i) != 'E')) {
            return false;
        }
        i++;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int exponent = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i > exponent && i == text.length();
    }

    /** Whether a float's text is Java's as well as Python's: digits, a point, an exponent, signs where they belong. */
    private static boolean isPlainDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean sign = (c == '-' || c == '+') && (i == 0 || text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E');
            if (!(isDigit(c) || c == '.' || c == 'e' || c == 'E' || sign)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        Map<Tag, ConstructNode> constructors = new HashMap<>(new CoreSchema().getSchemaTagConstructors());
        constructors.put(Tag.INT, node -> integer(text(node)));
        constructors.put(Tag.FLOAT, node -> floating(text(node)));
        constructors.put(TIMESTAMP, node -> timestamp(text(node)));
        constructors.put(VALUE, node -> {
            throw new YamlEngineException("could not determine a constructor for the tag " + VALUE);
        });
        return constructors;
    }

    private static String text(Node node) {
        return ((ScalarNode) node).getValue();
    }

    /** {@code construct_yaml_int} (YAML 1.2): underscores dropped, {@code 0b}, {@code 0x}, {@code 0o}, else decimal. */
    static BigInteger integer(String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        BigInteger value;
        try {
            if (digits.startsWith("0b")) {
                value = new BigInteger(digits.substring(2), 2);
            } else if (digits.startsWith("0x")) {
                value = new BigInteger(digits.substring(2), 16);
            } else if (digits.startsWith("0o")) {
                value = new BigInteger(digits.substring(2), 8);
            } else {
                value = new BigInteger(digits);
            }
        } catch (NumberFormatException e) {
            throw new YamlEngineException("invalid int '" + text + "'");
        }
        return negative ? value.negate() : value;
    }

    /** {@code construct_yaml_float} (YAML 1.2): underscores dropped, {@code .inf}, {@code .nan}, else Python float(). */
    static double floating(String text) {
        if (isPlainDecimal(text)) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                // not a Java double either: the general reading below decides
            }
        }
        String digits = text.replace("_", "").toLowerCase(Locale.ROOT);
        double sign = digits.startsWith("-") ? -1 : 1;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (digits.equals(".inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (digits.equals(".nan")) {
            return Double.NaN;
        }
        return sign * Double.parseDouble(digits);
    }

    /**
     * {@code create_timestamp}: a date, or a date-time with microseconds (a seventh digit above 4 rounds up), with a
     * {@code datetime.timezone} named as written when an offset or {@code Z} is given.
     */
    static Value.DateTime timestamp(String text) {
        Matcher parts = TIMESTAMP_PARTS.matcher(text);
        if (!parts.matches()) {
            throw new YamlEngineException("failed to construct timestamp from \"" + text + "\"");
        }
        try {
            LocalDate date = LocalDate.of(number(parts, "year"), number(parts, "month"), number(parts, "day"));
            if (parts.group("hour") == null) {
                return new Value.DateTime(date);
            }
            LocalDateTime dateTime = date.atTime(
                            number(parts, "hour"), number(parts, "minute"), number(parts, "second"))
                    .plusNanos(1000L * microseconds(parts.group("fraction")));
            String zone = parts.group("tz");
            if (zone == null) {
                return new Value.DateTime(dateTime);
            }
            int minutes = parts.group("sign") == null
                    ? 0
                    : number(parts, "tzHour") * 60 + (parts.group("tzMinute") == null ? 0 : number(parts, "tzMinute"));
            if (minutes >= 24 * 60) {
                throw new YamlEngineException("offset must be strictly between -24 and 24 hours: '" + text + "'");
            }
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(60 * ("-".equals(parts.group("sign")) ? -minutes : minutes));
            return new Value.DateTime(dateTime.atOffset(offset), zone);
        } catch (DateTimeException e) {
            throw new YamlEngineException("invalid timestamp '" + text + "'");
        }
    }

    /** The fraction's first six digits (padded), plus one when a seventh digit above 4 follows (999999 carries). */
    private static int microseconds(String fraction) {
        if (fraction == null || fraction.isEmpty()) {
            return 0;
        }
        String six = (fraction + "00000").substring(0, 6);
        int micros = Integer.parseInt(six);
        if (fraction.length() > 6 && fraction.charAt(6) > '4') {
            micros++;
        }
        return micros;
    }

    private static int number(Matcher parts, String group) {
        return Integer.parseInt(parts.group(group));
    }

    private record Resolver(Tag tag, Pattern pattern, String firstCharacters) {
        Resolver(Tag tag, String regex, String firstCharacters) {
            this(tag, Pattern.compile(regex), firstCharacters);
        }
    }
}
