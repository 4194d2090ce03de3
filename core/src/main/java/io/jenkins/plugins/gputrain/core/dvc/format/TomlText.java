package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.DoubleText;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The pieces of a TOML file read from its UTF-8 bytes (already checked), with the values the whole read gives them:
 * the tokens of jackson-dataformat-toml 2.19's lexer ({@code toml.jflex}, longest match) and the values its
 * {@code Parser} makes of them ({@code parseInt}, {@code parseFloat}, {@code parseDateTime} with
 * {@code PARSE_JAVA_TIME}), turned into {@link Value}s as {@code DataFileReader.fromNode} does. Anything else (and
 * whatever that lexer refuses) makes the file one to read whole: multi-line strings, decimal integers of 19 digits or
 * more (which that parser reads wrong, FasterXML/jackson-dataformats-text#663), numbers longer than Jackson's 1,000
 * characters, dates {@code java.time} does not parse.
 */
final class TomlText {
    /** Jackson's default {@code StreamReadConstraints.maxNumberLength}, which the whole read keeps. */
    private static final int LONGEST_FLOAT = 1000;

    /** The most digits of a decimal integer Jackson 2.19 reads right ({@code NumberInput.parseLong}: 10 to 18). */
    private static final int LONGEST_DECIMAL = 18;

    private final byte[] bytes;
    private final TomlBounds bounds;
    private int at;

    TomlText(byte[] bytes, TomlBounds bounds) {
        this.bytes = bytes;
        this.bounds = bounds;
    }

    /** Whether the whole file is read. */
    boolean atEnd() {
        return at >= bytes.length;
    }

    /** The next byte (0–255), or -1 at the end. */
    int peek() {
        return peek(0);
    }

    private int peek(int ahead) {
        return at + ahead < bytes.length ? bytes[at + ahead] & 0xFF : -1;
    }

    /** Skips spaces and tabs. */
    void skipSpaces() {
        while (peek() == ' ' || peek() == '\t') {
            at++;
        }
    }

    /** Skips a newline ({@code \n} or {@code \r\n}) if one is next. */
    boolean newline() {
        if (peek() == '\n') {
            at++;
            return true;
        }
        if (peek() == '\r' && peek(1) == '\n') {
            at += 2;
            return true;
        }
        return false;
    }

    /** Skips a comment, which must end at a newline or the end of the file. */
    void comment() {
        at++;
        while (!atEnd() && !isControl(peek())) {
            at++;
        }
        if (!atEnd() && peek() != '\n' && !(peek() == '\r' && peek(1) == '\n')) {
            throw unread();
        }
    }

    /** Skips the end of a line: spaces, a comment, the newline (or the end of the file). */
    void endOfLine() {
        skipSpaces();
        if (peek() == '#') {
            comment();
        }
        if (!atEnd() && !newline()) {
            throw unread();
        }
    }

    /** Skips one byte that must be {@code expected}. */
    void expect(char expected) {
        if (peek() != expected) {
            throw unread();
        }
        at++;
    }

    /** A key, its dotted parts ({@code a."b c".'d'}), and the spaces after it. */
    List<String> key() {
        List<String> parts = new ArrayList<>();
        parts.add(simpleKey());
        skipSpaces();
        while (peek() == '.') {
            at++;
            skipSpaces();
            parts.add(simpleKey());
            skipSpaces();
        }
        return parts;
    }

    private String simpleKey() {
        if (peek() == '"') {
            return basicString();
        }
        if (peek() == '\'') {
            return literalString();
        }
        int start = at;
        while (isBareKeyByte(peek())) {
            at++;
        }
        if (at == start) {
            throw unread();
        }
        return new String(bytes, start, at - start, StandardCharsets.US_ASCII);
    }

    /**
     * A value.
     *
     * @param depth the depth it has as an array or inline table
     */
    Value value(int depth) {
        int first = peek();
        if (first == '"') {
            return new Value.Str(basicString());
        }
        if (first == '\'') {
            return new Value.Str(literalString());
        }
        if (first == '[') {
            List<Value> items = new ArrayList<>();
            array(depth, items::add);
            return Value.Seq.list(items);
        }
        if (first == '{') {
            return inlineTable(depth);
        }
        if (word("true")) {
            return new Value.Bool(true);
        }
        if (word("false")) {
            return new Value.Bool(false);
        }
        return numberOrDate();
    }

    /**
     * An array, each item handed on as it is read.
     *
     * @param depth its depth
     * @param items what receives the items
     * @return how many there were
     */
    int array(int depth, Consumer<Value> items) {
        bounds.depth(depth);
        expect('[');
        skipBlank();
        int size = 0;
        while (peek() != ']') {
            items.accept(value(depth + 1));
            bounds.entries(++size);
            skipBlank();
            if (peek() == ',') {
                at++;
                skipBlank();
            } else if (peek() != ']') {
                throw unread();
            }
        }
        at++;
        return size;
    }

    /** Skips spaces, newlines and comments (each ending at a newline), as inside an array. */
    private void skipBlank() {
        while (true) {
            skipSpaces();
            if (peek() == '#') {
                comment();
                if (atEnd()) {
                    throw unread();
                }
            }
            if (!newline()) {
                return;
            }
        }
    }

    private Value.Dict inlineTable(int depth) {
        TomlTable table = new TomlTable(new TomlLevel(depth, bounds, null));
        expect('{');
        skipSpaces();
        if (peek() == '}') {
            at++;
            return table.value();
        }
        while (true) {
            List<String> key = key();
            expect('=');
            skipSpaces();
            String last = key.get(key.size() - 1);
            TomlTable target = table.enter(key, false);
            target.expectValue(last);
            target.put(last, value(target.depth() + 1));
            skipSpaces();
            if (peek() == '}') {
                at++;
                return table.value();
            }
            expect(',');
            skipSpaces();
        }
    }

    /** A basic string ({@code "…"}, escapes as the lexer knows them); a multi-line one is read whole. */
    private String basicString() {
        if (peek(1) == '"' && peek(2) == '"') {
            throw unread();
        }
        at++;
        StringBuilder text = new StringBuilder();
        int run = at;
        while (true) {
            int b = peek();
            if (b == '"' || b == '\\') {
                text.append(new String(bytes, run, at - run, StandardCharsets.UTF_8));
                at++;
                if (b == '"') {
                    return text.toString();
                }
                escape(text);
                run = at;
            } else if (b == -1 || isControl(b)) {
                throw unread();
            } else {
                at++;
            }
        }
    }

    private void escape(StringBuilder text) {
        int b = peek();
        at++;
        switch (b) {
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            // a lone surrogate is appended as Jackson's lexer appends it (appendUnicodeEscapeShort)
            case 'u' -> text.append((char) hex(4));
            case 'U' -> {
                int codePoint = hex(8);
                if (!Character.isValidCodePoint(codePoint)) {
                    throw unread();
                }
                text.appendCodePoint(codePoint);
            }
            default -> throw unread();
        }
    }

    private int hex(int digits) {
        int value = 0;
        for (int i = 0; i < digits; i++) {
            if (!isDigit(at, 16)) {
                throw unread();
            }
            value = value << 4 | Character.digit(bytes[at], 16);
            at++;
        }
        return value;
    }

    /** A literal string ({@code '…'}); a multi-line one is read whole. */
    private String literalString() {
        if (peek(1) == '\'' && peek(2) == '\'') {
            throw unread();
        }
        int start = ++at;
        while (peek() != '\'') {
            if (peek() == -1 || isControl(peek())) {
                throw unread();
            }
            at++;
        }
        at++;
        return new String(bytes, start, at - 1 - start, StandardCharsets.UTF_8);
    }

    private boolean word(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (peek(i) != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }

    /** A date or time, a float or an integer: the longest the lexer matches, the earlier rule on a tie. */
    private Value numberOrDate() {
        int start = at;
        Value date = dateTime();
        if (date != null) {
            return date;
        }
        int sign = peek() == '+' || peek() == '-' ? 1 : 0;
        if (special(start + sign, "inf") || special(start + sign, "nan")) {
            at = start + sign + 3;
            if (bytes[at - 1] == 'n') {
                return new Value.Float(Double.NaN);
            }
            return new Value.Float(bytes[start] == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        int decimalEnd = decimalEnd(start);
        int floatEnd = floatEnd(decimalEnd);
        int integerEnd = Math.max(radixEnd(start), decimalEnd);
        int digitsEnd = digitsEnd(start + sign);
        if (Math.max(floatEnd, integerEnd) < Math.max(digitsEnd, start + 1)) {
            throw unread(); // no number, or a zero-prefixed one (the lexer's error)
        }
        String text = ascii(start, Math.max(floatEnd, integerEnd)).replace("_", "");
        at = Math.max(floatEnd, integerEnd);
        if (floatEnd >= integerEnd) {
            if (text.length() > LONGEST_FLOAT) {
                throw unread();
            }
            return new Value.Float(decimal(text));
        }
        if (integerEnd > decimalEnd) {
            int radix = text.charAt(1) == 'x' ? 16 : text.charAt(1) == 'o' ? 8 : 2;
            return new Value.Int(new BigInteger(text.substring(2), radix));
        }
        if (text.length() - sign > LONGEST_DECIMAL) {
            throw unread();
        }
        return Value.Int.of(Long.parseLong(text));
    }

    /**
     * A float's value as tomlkit reads it: the correctly rounded double (by Jackson's copy of FastDoubleParser, as
     * {@link Double#parseDouble} gives it), a negative zero {@code -0.0}.
     */
    private static double decimal(String text) {
        return DoubleText.parse(text);
    }

    private boolean special(int from, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (from + i >= bytes.length || bytes[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code [+-]? ([0-9] | [1-9] (_? [0-9])+)}: its end, or -1. */
    private int decimalEnd(int from) {
        int i = from < bytes.length && (bytes[from] == '+' || bytes[from] == '-') ? from + 1 : from;
        if (!isDigit(i)) {
            return -1;
        }
        return bytes[i] == '0' ? i + 1 : digitRunEnd(i);
    }

    /** {@code [0-9] (_? [0-9])*} from a digit: its end. */
    private int digitRunEnd(int from) {
        int i = from + 1;
        while (isDigit(i) || (i < bytes.length && bytes[i] == '_' && isDigit(i + 1))) {
            i += bytes[i] == '_' ? 2 : 1;
        }
        return i;
    }

    /** {@code [+-]? [0-9]+} (the lexer's zero-prefixed integer error): its end, or -1. */
    private int digitsEnd(int from) {
        int i = from;
        while (isDigit(i)) {
            i++;
        }
        return i == from ? -1 : i;
    }

    /** {@code 0x}, {@code 0o} or {@code 0b} and digits of that radix with single underscores between: the end, or -1. */
    private int radixEnd(int from) {
        if (!isByte(from, '0') || !(isByte(from + 1, 'x') || isByte(from + 1, 'o') || isByte(from + 1, 'b'))) {
            return -1;
        }
        int radix = bytes[from + 1] == 'x' ? 16 : bytes[from + 1] == 'o' ? 8 : 2;
        int i = from + 2;
        if (!isDigit(i, radix)) {
            return -1;
        }
        i++;
        while (isDigit(i, radix) || (i < bytes.length && bytes[i] == '_' && isDigit(i + 1, radix))) {
            i += bytes[i] == '_' ? 2 : 1;
        }
        return i;
    }

    /** {@code DecInt (Exp | Frac Exp?)}, its {@code DecInt} ending at {@code decimalEnd} (or none, -1): its end, or -1. */
    private int floatEnd(int decimalEnd) {
        if (decimalEnd < 0) {
            return -1;
        }
        int i = decimalEnd;
        if (i < bytes.length && bytes[i] == '.') {
            if (!isDigit(i + 1)) {
                return -1;
            }
            i = digitRunEnd(i + 1);
            int exponent = exponentEnd(i);
            return exponent < 0 ? i : exponent;
        }
        return exponentEnd(i);
    }

    /** {@code [eE] [+-]? [0-9] (_? [0-9])*}: its end, or -1. */
    private int exponentEnd(int from) {
        if (from >= bytes.length || (bytes[from] != 'e' && bytes[from] != 'E')) {
            return -1;
        }
        int i = from + 1;
        if (i < bytes.length && (bytes[i] == '+' || bytes[i] == '-')) {
            i++;
        }
        return isDigit(i) ? digitRunEnd(i) : -1;
    }

    /**
     * An offset date-time, local date-time, local date or local time, made as the whole read makes it ({@code T} for
     * a space between date and time, then {@code java.time}'s ISO parse); {@code null} when none starts here.
     */
    private Value dateTime() {
        int start = at;
        int date = dateEnd(start);
        Temporal value;
        try {
            if (date > 0) {
                int time = date < bytes.length && (bytes[date] == 'T' || bytes[date] == 't' || bytes[date] == ' ')
                        ? timeEnd(date + 1)
                        : -1;
                if (time < 0) {
                    at = date;
                    value = LocalDate.parse(ascii(start, date));
                } else {
                    int offset = offsetEnd(time);
                    String text = ascii(start, Math.max(time, offset));
                    text = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
                    at = Math.max(time, offset);
                    value = offset < 0 ? LocalDateTime.parse(text) : OffsetDateTime.parse(text);
                }
            } else {
                int time = timeEnd(start);
                if (time < 0) {
                    return null;
                }
                at = time;
                value = LocalTime.parse(ascii(start, time));
            }
        } catch (DateTimeParseException e) {
            throw unread();
        }
        return new Value.DateTime(value);
    }

    /** {@code YYYY-MM-DD}: its end, or -1. */
    private int dateEnd(int from) {
        boolean date = isDigits(from, 4)
                && isByte(from + 4, '-')
                && isDigits(from + 5, 2)
                && isByte(from + 7, '-')
                && isDigits(from + 8, 2);
        return date ? from + 10 : -1;
    }

    /** {@code HH:MM:SS} and a fraction {@code .d+}: its end, or -1. */
    private int timeEnd(int from) {
        if (!(isDigits(from, 2)
                && isByte(from + 2, ':')
                && isDigits(from + 3, 2)
                && isByte(from + 5, ':')
                && isDigits(from + 6, 2))) {
            return -1;
        }
        int i = from + 8;
        if (isByte(i, '.') && isDigit(i + 1)) {
            i += 2;
            while (isDigit(i)) {
                i++;
            }
        }
        return i;
    }

    /** {@code Z} or {@code [+-]HH:MM}: its end, or -1. */
    private int offsetEnd(int from) {
        if (isByte(from, 'Z')) {
            return from + 1;
        }
        boolean numeric = (isByte(from, '+') || isByte(from, '-'))
                && isDigits(from + 1, 2)
                && isByte(from + 3, ':')
                && isDigits(from + 4, 2);
        return numeric ? from + 6 : -1;
    }

    private boolean isByte(int i, char expected) {
        return i < bytes.length && bytes[i] == expected;
    }

    private boolean isDigits(int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean isDigit(int i) {
        return isDigit(i, 10);
    }

    private boolean isDigit(int i, int radix) {
        if (i >= bytes.length) {
            return false;
        }
        int b = bytes[i];
        int digit = b >= '0' && b <= '9'
                ? b - '0'
                : b >= 'a' && b <= 'z' ? b - 'a' + 10 : b >= 'A' && b <= 'Z' ? b - 'A' + 10 : -1;
        return digit >= 0 && digit < radix;
    }

    private String ascii(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }

    /** {@code [A-Za-z0-9_-]}. */
    private static boolean isBareKeyByte(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_' || b == '-';
    }

    /** The control characters the lexer allows in no comment and (but a tab) in no string: U+0000–U+001F, U+007F. */
    private static boolean isControl(int b) {
        return (b < 0x20 && b != '\t') || b == 0x7f;
    }

    private static DataFileReader.ReadWholeException unread() {
        return new DataFileReader.ReadWholeException();
    }
}
