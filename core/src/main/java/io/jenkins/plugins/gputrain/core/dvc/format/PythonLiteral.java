package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonKey;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One assigned value read as DVC's {@code _ast_assign_to_dict} reads it with {@code ast.literal_eval} (CPython 3.11
 * {@code Lib/ast.py}): constants (numbers, strings, bytes, {@code True}, {@code False}, {@code None}, {@code ...}),
 * lists, tuples (bare too: {@code 1, 2}), sets, {@code set()} and dicts of literals; {@code +} or {@code -} once
 * before a number ({@code -(1)} too, not {@code +-1} or {@code -True}); a real number plus or minus an imaginary one
 * ({@code 1+2j}). Anything else is {@link NotALiteral} (DVC skips the name). A set member or dict key Python cannot
 * hash is {@link Unhashable}: DVC lets that {@code TypeError} through, and the file is unreadable.
 */
final class PythonLiteral {
    /** Python 3's string prefixes, lower-cased; an {@code f} makes an f-string. */
    private static final Set<String> PREFIXES = Set.of("", "r", "u", "b", "br", "rb", "f", "fr", "rf");

    /** The text is not a literal {@code ast.literal_eval} accepts. */
    static final class NotALiteral extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** A set member or dict key Python cannot hash: {@code TypeError: unhashable type: 'list'}. */
    static final class Unhashable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unhashable(String type) {
            super("unhashable type: '" + type + "'");
        }
    }

    /** What {@code literal_eval} makes of a node: it signs only numbers and adds only a real and an imaginary one. */
    private enum Form {
        /** An int, float or complex constant ({@code 1}, {@code (2.5)}, {@code 3j}). */
        NUMBER,
        /** {@code +} or {@code -} before a number. */
        SIGNED,
        /** Anything else. */
        OTHER
    }

    private record Node(Value value, Form form) {}

    private final String text;
    private int position;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * Reads an assignment's value, all of it.
     *
     * @param text the source after {@code =}
     * @throws NotALiteral when DVC skips the name
     * @throws Unhashable when DVC cannot read the file
     * @throws IllegalArgumentException for a string Python's tokenizer refuses
     */
    static Value read(String text) throws NotALiteral {
        PythonLiteral literal = new PythonLiteral(text);
        Value value = literal.expressions(true);
        literal.skipSpace();
        if (literal.position != text.length()) {
            throw new NotALiteral();
        }
        return value;
    }

    /**
     * One expression, or several separated by commas: a tuple.
     *
     * @param top whether this is the assignment's whole value: DVC evaluates a top-level set's members before it
     *     builds the set, so a member that is no literal wins over one that cannot be hashed
     */
    private Value expressions(boolean top) throws NotALiteral {
        Value first = expression(top).value();
        skipSpace();
        return at(',') ? tuple(first) : first;
    }

    /** A tuple from its first item on, at the comma after it: more items, a trailing comma allowed. */
    private Value tuple(Value first) throws NotALiteral {
        List<Value> items = new ArrayList<>(List.of(first));
        while (at(',')) {
            position++;
            skipSpace();
            if (position >= text.length() || at(')')) {
                break;
            }
            items.add(expression(false).value());
            skipSpace();
        }
        return new Value.Seq(items, Value.Seq.Kind.TUPLE);
    }

    /** {@code a}, {@code a + b}, {@code a - b}: only a real number and an imaginary constant add. */
    private Node expression(boolean top) throws NotALiteral {
        Node left = unary(top);
        skipSpace();
        while (at('+') || at('-')) {
            boolean minus = at('-');
            position++;
            Node right = unary(false);
            left = sum(left, minus, right);
            skipSpace();
        }
        return left;
    }

    private static Node sum(Node left, boolean minus, Node right) throws NotALiteral {
        if (left.form() == Form.OTHER
                || left.value() instanceof Value.Complex
                || right.form() != Form.NUMBER
                || !(right.value() instanceof Value.Complex imaginary)) {
            throw new NotALiteral();
        }
        double real =
                left.value() instanceof Value.Int i ? i.value().doubleValue() : ((Value.Float) left.value()).value();
        // Python turns the real number into complex(real, 0.0) first: -0.0 + 0.0 is 0.0, 0.0 - 0.0 is 0.0.
        return minus
                ? new Node(new Value.Complex(real - imaginary.real(), 0.0 - imaginary.imag()), Form.OTHER)
                : new Node(new Value.Complex(real + imaginary.real(), 0.0 + imaginary.imag()), Form.OTHER);
    }

    /** Signs in a loop, not a recursion: a file of 100,000 {@code -} stays within the stack. */
    private Node unary(boolean top) throws NotALiteral {
        skipSpace();
        int signs = 0;
        boolean minus = false;
        while (at('+') || at('-')) {
            minus = at('-');
            signs++;
            position++;
            skipSpace();
        }
        if (signs == 0) {
            return atom(top);
        }
        Node operand = atom(false); // read even when refused: a string in it may be a syntax error
        if (signs > 1 || operand.form() != Form.NUMBER) {
            throw new NotALiteral();
        }
        return new Node(minus ? negate(operand.value()) : operand.value(), Form.SIGNED);
    }

    private static Value negate(Value number) {
        if (number instanceof Value.Int i) {
            return new Value.Int(i.value().negate());
        }
        if (number instanceof Value.Complex c) {
            return new Value.Complex(-c.real(), -c.imag());
        }
        return new Value.Float(-((Value.Float) number).value());
    }

    private Node atom(boolean top) throws NotALiteral {
        if (position >= text.length()) {
            throw new NotALiteral();
        }
        char c = text.charAt(position);
        if (c == '[') {
            return other(Value.Seq.list(items(']')));
        }
        if (c == '(') {
            return parenthesized();
        }
        if (c == '{') {
            return other(braces(top));
        }
        if (stringAt(position)) {
            return other(strings());
        }
        if (text.startsWith("...", position)) {
            position += 3;
            return other(Value.Ellipsis.ELLIPSIS);
        }
        if (c < 0x80 && Character.isDigit(c)
                || c == '.' && position + 1 < text.length() && Character.isDigit(text.charAt(position + 1))) {
            PythonNumber number = PythonNumber.read(text, position);
            position = number.end();
            return new Node(number.value(), Form.NUMBER);
        }
        for (String word : new String[] {"True", "False", "None"}) {
            if (word(word)) {
                return other(word.equals("None") ? Value.None.NONE : new Value.Bool(word.equals("True")));
            }
        }
        if (word("set")) {
            skipSpace();
            if (at('(')) {
                position++;
                skipSpace();
                if (at(')')) {
                    position++;
                    return other(new Value.Seq(List.of(), Value.Seq.Kind.SET));
                }
            }
        }
        throw new NotALiteral();
    }

    private static Node other(Value value) {
        return new Node(value, Form.OTHER);
    }

    /** {@code (x)} is {@code x} itself (a number stays one: {@code -(1)}); {@code ()}, {@code (x,)} are tuples. */
    private Node parenthesized() throws NotALiteral {
        position++;
        skipSpace();
        if (at(')')) {
            position++;
            return other(new Value.Seq(List.of(), Value.Seq.Kind.TUPLE));
        }
        Node first = expression(false);
        skipSpace();
        if (at(')')) {
            position++;
            return first;
        }
        if (!at(',')) {
            throw new NotALiteral();
        }
        Value tuple = tuple(first.value());
        if (!at(')')) {
            throw new NotALiteral();
        }
        position++;
        return other(tuple);
    }

    private List<Value> items(char close) throws NotALiteral {
        position++;
        List<Value> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at(close)) {
                position++;
                return items;
            }
            items.add(expression(false).value());
            skipSpace();
            if (at(',')) {
                position++;
            } else if (!at(close)) {
                throw new NotALiteral();
            }
        }
    }

    /**
     * A dict ({@code {k: v}}, also {@code {}}) or a set ({@code {1, 2}}: repeats dropped, first kept); keys and
     * members Python holds equal ({@link PythonKey}: {@code 1}, {@code 1.0}, {@code True}, {@code 1+0j}) are one, the
     * first key with the last value. Python hashes
     * a key once it has its value, a member as it comes (all members first for DVC's top-level set).
     */
    private Value braces(boolean top) throws NotALiteral {
        position++;
        Map<Object, String> keys = new HashMap<>(); // Python-equal keys are one key: the first, with the last value
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, Value> originals = new HashMap<>();
        Set<Object> identities = new HashSet<>();
        List<Value> members = new ArrayList<>();
        boolean set = false;
        while (true) {
            skipSpace();
            if (at('}')) {
                position++;
                if (set && top) {
                    members.forEach(PythonLiteral::checkHashable);
                }
                return set ? new Value.Seq(members, Value.Seq.Kind.SET) : new Value.Dict(entries, originals);
            }
            Value key = expression(false).value();
            skipSpace();
            boolean pair = at(':');
            if (entries.isEmpty() && members.isEmpty()) {
                set = !pair;
            } else if (set == pair) {
                throw new NotALiteral();
            }
            if (set) {
                if (!top) {
                    checkHashable(key);
                }
                if (identities.add(PythonKey.of(key))) {
                    members.add(key);
                }
            } else {
                position++;
                Value value = expression(false).value();
                checkHashable(key);
                String text = keys.computeIfAbsent(PythonKey.of(key), identity -> key.str());
                originals.putIfAbsent(text, key);
                entries.put(text, value);
            }
            skipSpace();
            if (at(',')) {
                position++;
            } else if (!at('}')) {
                throw new NotALiteral();
            }
        }
    }

    /** Python hashes tuples by their items; lists, sets and dicts not at all. */
    private static void checkHashable(Value value) {
        if (value instanceof Value.Dict) {
            throw new Unhashable("dict");
        }
        if (value instanceof Value.Seq seq) {
            switch (seq.kind()) {
                case LIST -> throw new Unhashable("list");
                case SET -> throw new Unhashable("set");
                case TUPLE -> seq.items().forEach(PythonLiteral::checkHashable);
            }
        }
    }

    private boolean at(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    /** Reads {@code word} when it stands alone here ({@code set}, not {@code settings}). */
    private boolean word(String word) {
        if (text.startsWith(word, position) && !identifierAt(position + word.length())) {
            position += word.length();
            return true;
        }
        return false;
    }

    /**
     * Adjacent string literals, concatenated as Python does: {@code str} ({@code u}, {@code r} prefixes) or
     * {@code bytes} ({@code b}, {@code rb}); an f-string among them is not a literal ({@code ast.JoinedStr}).
     */
    private Value strings() throws NotALiteral {
        StringBuilder joined = new StringBuilder();
        boolean formatted = false;
        Boolean bytes = null;
        int next = position;
        do {
            position = next;
            String prefix = prefix();
            boolean isBytes = prefix.contains("b");
            if (bytes != null && bytes != isBytes) {
                throw new IllegalArgumentException("cannot mix bytes and nonbytes literals");
            }
            bytes = isBytes;
            formatted |= prefix.contains("f");
            joined.append(string(prefix.contains("r"), isBytes));
            next = nextCode();
        } while (stringAt(next));
        if (formatted) {
            throw new NotALiteral();
        }
        return bytes
                ? new Value.Bytes(joined.toString().getBytes(StandardCharsets.ISO_8859_1))
                : new Value.Str(joined.toString());
    }

    /** Whether a string literal starts at {@code index}: a quote, or letters (a prefix) directly before one. */
    private boolean stringAt(int index) {
        int quote = index;
        while (quote < text.length() && identifierAt(quote)) {
            quote++;
        }
        return quote < text.length() && isQuote(text.charAt(quote));
    }

    /**
     * Reads a string prefix, lower-cased ({@code ""}, {@code rb}, …).
     *
     * @throws IllegalArgumentException for letters before a quote that are no prefix ({@code ur"…"}), a syntax
     *     error in Python
     */
    private String prefix() {
        int start = position;
        while (!isQuote(text.charAt(position))) {
            position++;
        }
        String prefix = text.substring(start, position).toLowerCase(Locale.ROOT);
        if (!PREFIXES.contains(prefix)) {
            throw new IllegalArgumentException("invalid string prefix " + prefix);
        }
        return prefix;
    }

    /** Where the next non-space character is. */
    private int nextCode() {
        int next = position;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /**
     * One string literal's value; of bytes one char per octet.
     *
     * @throws IllegalArgumentException for a non-ASCII character in bytes or a bad escape, syntax errors in Python
     */
    private String string(boolean raw, boolean bytes) throws NotALiteral {
        char quote = text.charAt(position);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), position);
        position += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '\\' && position + 1 < text.length() && raw) {
                value.append(c).append(text.charAt(position + 1));
                position += 2;
            } else if (c == '\\' && position + 1 < text.length()) {
                escape(value, bytes);
            } else if (bytes && c > 0x7f) {
                throw new IllegalArgumentException("bytes can only contain ASCII literal characters");
            } else if (c == quote
                    && (!triple || text.startsWith(String.valueOf(quote).repeat(3), position))) {
                position += triple ? 3 : 1;
                return value.toString();
            } else {
                value.append(c);
                position++;
            }
        }
        throw new NotALiteral();
    }

    /**
     * Python's escapes: n t r a b f v, up to 3 octal digits, x with 2 hex digits; in a {@code str} also u with 4,
     * U with 8 and {@code N{NAME}}; a line continuation. Any other backslash stays.
     *
     * @throws IllegalArgumentException for a truncated or unknown escape value, a syntax error in Python
     */
    private void escape(StringBuilder value, boolean bytes) {
        char next = text.charAt(position + 1);
        int digits = next == 'x' ? 2 : bytes ? 0 : next == 'u' ? 4 : next == 'U' ? 8 : 0;
        if (digits > 0) {
            int start = position + 2;
            if (start + digits > text.length()
                    || !text.substring(start, start + digits).matches("[0-9a-fA-F]+")) {
                throw new IllegalArgumentException("truncated \\" + next + " escape");
            }
            value.appendCodePoint(Integer.parseInt(text.substring(start, start + digits), 16));
            position = start + digits;
            return;
        }
        if (next >= '0' && next <= '7') {
            int end = position + 2;
            while (end < text.length() && end < position + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                end++;
            }
            int code = Integer.parseInt(text.substring(position + 1, end), 8);
            value.appendCodePoint(bytes ? code & 0xff : code);
            position = end;
            return;
        }
        if (next == 'N' && !bytes) {
            int close = text.indexOf('}', position);
            if (text.charAt(Math.min(position + 2, text.length() - 1)) != '{' || close < 0) {
                throw new IllegalArgumentException("malformed \\N character escape");
            }
            value.appendCodePoint(Character.codePointOf(text.substring(position + 3, close)));
            position = close + 1;
            return;
        }
        switch (next) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000b');
            case '\n' -> {
                // a line continuation inside the string: nothing
            }
            case '\\', '\'', '"' -> value.append(next);
            default -> value.append('\\').append(next);
        }
        position += 2;
    }

    private boolean identifierAt(int index) {
        return index < text.length() && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_');
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
