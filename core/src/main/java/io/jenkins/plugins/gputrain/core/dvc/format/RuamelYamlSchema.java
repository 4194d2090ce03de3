package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.DoubleText;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The schema of ruamel.yaml 0.19.1's safe loader, which DVC reads YAML files with, for the version a document names in
 * its {@code %YAML} directive (1.1 or 1.2; 1.2 without one): plain scalars resolved by its implicit resolvers for that
 * version ({@code ruamel/yaml/resolver.py}: tried in order, only those listed for the scalar's first character) and
 * scalars constructed as {@code SafeConstructor.construct_yaml_int}, {@code construct_yaml_float}, {@code
 * construct_yaml_bool}, {@code construct_yaml_binary} and {@code construct_yaml_timestamp} ({@code
 * ruamel/yaml/util.py::create_timestamp}) do. In YAML 1.2 {@code 0b1_0} is 2, {@code +0x1F} 31, {@code 1_000.0_1}
 * 1000.01, {@code .5e3} a string (its exponent has no sign), {@code 2001-12-14 21:59:43.10 -5} a date-time with a
 * -05:00 offset; in YAML 1.1 {@code yes}, {@code on}, {@code y} are true, {@code 017} is 15, {@code 1:20} 80 and
 * {@code 1:20.5} 80.5, {@code 0o17} and {@code -.5} strings. One instance reads one document: the parser tells it
 * the document's version ({@link #version}) before any scalar is resolved.
 */
final class RuamelYamlSchema implements Schema {
    static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");
    private static final Tag VALUE = new Tag(Tag.PREFIX + "value");
    private static final String DIGITS = "0123456789";

    private static final Resolver NULL = new Resolver(Tag.NULL, "~|null|Null|NULL", "~nN");
    private static final Resolver TIMESTAMPS = new Resolver(
            TIMESTAMP,
            "[0-9]{4}-[0-9]{2}-[0-9]{2}"
                    + "|[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}"
                    + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?",
            DIGITS);
    private static final Resolver EQUALS = new Resolver(VALUE, "=", "=");

    /** The implicit resolvers listed for version (1, 2), in order. */
    private static final List<Resolver> YAML_1_2 = List.of(
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
            NULL,
            TIMESTAMPS,
            EQUALS);

    /** The implicit resolvers listed for version (1, 1), in order: more booleans, octals, sexagesimals. */
    private static final List<Resolver> YAML_1_1 = List.of(
            new Resolver(
                    Tag.BOOL,
                    "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
                    "yYnNtTfFoO"),
            new Resolver(
                    Tag.FLOAT,
                    "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                            + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
                            + "|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                            + "|[-+]?\\.(?:inf|Inf|INF)"
                            + "|\\.(?:nan|NaN|NAN)",
                    "-+." + DIGITS),
            new Resolver(
                    Tag.INT,
                    "[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
                    "-+" + DIGITS),
            NULL,
            TIMESTAMPS,
            EQUALS);

    /** {@code SafeConstructor.bool_values}, looked up lower-cased whatever the version. */
    private static final Map<String, Boolean> BOOLEANS = Map.of(
            "yes", true, "no", false, "y", true, "n", false, "true", true, "false", false, "on", true, "off", false);

    /** {@code ruamel/yaml/util.py::timestamp_regexp}. */
    private static final Pattern TIMESTAMP_PARTS = Pattern.compile("(?<year>[0-9]{4})-(?<month>[0-9][0-9]?)"
            + "-(?<day>[0-9][0-9]?)(?:(?:[Tt]|[ \\t]+)(?<hour>[0-9][0-9]?):(?<minute>[0-9]{2}):(?<second>[0-9]{2})"
            + "(?:\\.(?<fraction>[0-9]*))?(?:[ \\t]*(?<tz>Z|(?<sign>[-+])(?<tzHour>[0-9][0-9]?)"
            + "(?::(?<tzMinute>[0-9]{2}))?))?)?");

    private boolean yaml11;

    /**
     * Sets the version the document is read as, from its {@code %YAML} directive, as ruamel.yaml's parser and {@code
     * VersionedResolver} take it.
     *
     * @param directive the directive's version, or empty for none (YAML 1.2)
     * @throws YamlEngineException for a version other than 1.1 and 1.2 (ruamel refuses a major version other than 1
     *     and asserts the minor one is 1 or 2)
     */
    void version(Optional<SpecVersion> directive) {
        if (directive.isPresent()
                && (directive.get().getMajor() != 1
                        || (directive.get().getMinor() != 1 && directive.get().getMinor() != 2))) {
            throw new YamlEngineException("found incompatible YAML document (version 1.1 or 1.2 is required)");
        }
        yaml11 = directive.isPresent() && directive.get().getMinor() == 1;
    }

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
            for (Resolver resolver : yaml11 ? YAML_1_1 : YAML_1_2) {
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

    /**
     * The constructors of the scalar tags, for this document's version, each building a {@link Value} by {@link
     * #construct}; any other tag has none.
     */
    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        Map<Tag, ConstructNode> constructors = new HashMap<>();
        for (Tag tag : List.of(Tag.STR, Tag.NULL, Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.BINARY, TIMESTAMP)) {
            constructors.put(tag, node -> construct(tag, text(node)));
        }
        return constructors;
    }

    /**
     * A scalar's value as the safe loader's constructor of its tag builds it for this document's version: the one
     * place the composed read ({@link YamlValueConstructor}) and the plain read ({@link PlainYamlDocument}) build
     * scalars.
     *
     * @param tag the scalar's tag, resolved or written
     * @param text the scalar's text
     * @return its value
     * @throws YamlEngineException where the constructor refuses the text, or the tag has no constructor
     */
    Value construct(Tag tag, String text) {
        if (tag.equals(Tag.STR)) {
            return new Value.Str(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            return new Value.Float(floating(text, yaml11));
        }
        if (tag.equals(Tag.INT)) {
            return new Value.Int(integer(text, yaml11));
        }
        if (tag.equals(Tag.NULL)) {
            return Value.None.NONE;
        }
        if (tag.equals(Tag.BOOL)) {
            return new Value.Bool(bool(text));
        }
        if (tag.equals(Tag.BINARY)) {
            return binary(text);
        }
        if (tag.equals(TIMESTAMP)) {
            return timestamp(text);
        }
        throw new YamlEngineException("could not determine a constructor for the tag " + tag);
    }

    private static String text(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new YamlEngineException("expected a scalar node, but found " + node.getNodeType());
        }
        return scalar.getValue();
    }

    /** {@code construct_yaml_bool}: the lower-cased text looked up in {@code bool_values}. */
    private static Boolean bool(String text) {
        Boolean value = BOOLEANS.get(text.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new YamlEngineException("invalid bool '" + text + "'");
        }
        return value;
    }

    /**
     * {@code construct_yaml_binary}: ASCII text decoded as {@code base64.decodebytes} does.
     */
    private static Value.Bytes binary(String text) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            throw new YamlEngineException("failed to convert base64 data into ascii");
        }
        try {
            return new Value.Bytes(PythonBase64.decode(text));
        } catch (IllegalArgumentException e) {
            throw new YamlEngineException("failed to decode base64 data");
        }
    }

    /**
     * {@code construct_yaml_int}: underscores dropped, {@code 0b}, {@code 0x}, {@code 0o}; in YAML 1.1 also a leading
     * {@code 0} octal and {@code :}-separated base-60 digits; else decimal.
     */
    static BigInteger integer(String text, boolean yaml11) {
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
            } else if (yaml11 && digits.length() > 1 && digits.startsWith("0")) {
                value = new BigInteger(digits, 8);
            } else if (yaml11 && digits.contains(":")) {
                value = BigInteger.ZERO;
                for (String part : digits.split(":", -1)) {
                    value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
                }
            } else {
                value = new BigInteger(digits);
            }
        } catch (NumberFormatException e) {
            throw new YamlEngineException("invalid int '" + text + "'");
        }
        return negative ? value.negate() : value;
    }

    /**
     * {@code construct_yaml_float}: underscores dropped, {@code .inf}, {@code .nan}; in YAML 1.1 {@code :}-separated
     * base-60 parts; else Python float().
     */
    static double floating(String text, boolean yaml11) {
        if (isPlainDecimal(text)) {
            try {
                return DoubleText.parse(text);
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
        try {
            if (yaml11 && digits.contains(":")) {
                // as Python sums them: the last part first, each times its power of 60
                String[] parts = digits.split(":", -1);
                double value = 0;
                double base = 1;
                for (int i = parts.length - 1; i >= 0; i--) {
                    value += Double.parseDouble(parts[i]) * base;
                    base *= 60;
                }
                return sign * value;
            }
            return sign * Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new YamlEngineException("invalid float '" + text + "'");
        }
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
