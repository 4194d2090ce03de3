package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Python params file as DVC's {@code _py.py} does with {@code ast.literal_eval}: module-level
 * {@code NAME = literal} and {@code NAME: T = literal}, class bodies (nested classes too) as nested mappings, with
 * {@code self.x = literal} directly in a class body or in {@code __init__} (of {@code __init__} only those); names
 * NFKC-normalised as Python reads them; anything that is not a literal is skipped (an f-string too). Literals:
 * numbers, strings and bytes with their prefixes and escapes (adjacent ones concatenated), {@code True},
 * {@code False}, {@code None}, lists, tuples, sets and dicts of literals. What Python refuses to compile in a literal
 * read (mixed bytes and str, an unknown prefix or escape, non-ASCII bytes) makes the whole file unreadable, as DVC's
 * {@code ast.parse} does.
 */
final class PythonParams {
    /** A Python 3 identifier: a letter or underscore, then letters, digits, marks and connectors (non-ASCII too). */
    private static final String IDENTIFIER = "[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]*";

    private static final Pattern CLASS = Pattern.compile("class\\s+(" + IDENTIFIER + ")\\s*(\\(.*\\))?\\s*:\\s*");
    private static final Pattern INIT = Pattern.compile("def\\s+__init__\\s*\\(.*\\)\\s*(->.*)?:\\s*", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT =
            Pattern.compile("(self\\.)?(" + IDENTIFIER + ")\\s*(?::\\s*[^=]+)?=(?!=)\\s*(.+)", Pattern.DOTALL);

    private PythonParams() {}

    /**
     * Reads the file's literals.
     *
     * @param text the source
     * @return the module's values, classes as nested dicts
     * @throws IllegalArgumentException when brackets or strings are not closed
     */
    static Value.Dict read(String text) {
        Deque<Scope> scopes = new ArrayDeque<>();
        Map<String, Object> module = new LinkedHashMap<>();
        scopes.push(new Scope(-1, module, false));
        for (String statement : statements(text)) {
            int indent = statement.length() - statement.stripLeading().length();
            String code = statement.strip();
            while (indent <= scopes.peek().headerIndent) {
                scopes.pop();
            }
            Scope scope = scopes.peek();
            if (scope.bodyIndent < 0) {
                scope.bodyIndent = indent;
            }
            if (indent != scope.bodyIndent) {
                continue; // inside a statement DVC does not look into (if, for, def, with, …)
            }
            Matcher klass = CLASS.matcher(code);
            if (klass.matches()) {
                Map<String, Object> body = new LinkedHashMap<>();
                scope.values.put(name(klass.group(1)), body);
                scopes.push(new Scope(indent, body, false));
                continue;
            }
            if (INIT.matcher(code).matches()) {
                scopes.push(new Scope(indent, scope.values, true));
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(code);
            if (!assignment.matches() || scope.selfOnly && assignment.group(1) == null) {
                continue;
            }
            try {
                scope.values.put(
                        name(assignment.group(2)),
                        new Literal(assignment.group(3).strip()).parseAll());
            } catch (NotALiteral | NumberFormatException e) {
                // ast.literal_eval refuses it; DVC skips the name
            }
        }
        return dict(module);
    }

    /** Python reads identifiers NFKC-normalised ({@code ﬁle} is {@code file}). */
    private static String name(String identifier) {
        return Normalizer.normalize(identifier, Normalizer.Form.NFKC);
    }

    @SuppressWarnings("unchecked")
    private static Value.Dict dict(Map<String, Object> values) {
        Map<String, Value> entries = new LinkedHashMap<>();
        values.forEach((name, value) ->
                entries.put(name, value instanceof Map<?, ?> body ? dict((Map<String, Object>) body) : (Value) value));
        return new Value.Dict(entries);
    }

    /**
     * A block whose direct statements DVC reads: the module, a class body (its names and {@code self.x}), or an
     * {@code __init__} body (only {@code self.x}, into the class).
     */
    private static final class Scope {
        final int headerIndent;
        final Map<String, Object> values;
        final boolean selfOnly;
        int bodyIndent = -1;

        Scope(int headerIndent, Map<String, Object> values, boolean selfOnly) {
            this.headerIndent = headerIndent;
            this.values = values;
            this.selfOnly = selfOnly;
        }
    }

    /** Joins physical lines into statements: open brackets and triple quotes continue a statement. */
    private static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (String line : text.split("\r?\n", -1)) {
            String code = stripComment(line);
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(code);
            depth = depth(current.toString());
            if (depth == 0 && !current.toString().strip().endsWith("\\")) {
                if (!current.toString().isBlank()) {
                    statements.add(current.toString());
                }
                current.setLength(0);
            }
        }
        if (depth != 0 || current.length() > 0 && !current.toString().isBlank()) {
            throw new IllegalArgumentException("unclosed bracket or string");
        }
        return statements;
    }

    private static String stripComment(String line) {
        int[] end = {line.length()};
        scanCode(line, (index, c) -> {
            if (c == '#') {
                end[0] = index;
                return false;
            }
            return true;
        });
        return line.substring(0, end[0]);
    }

    private static int depth(String code) {
        int[] depth = {0};
        boolean inString = scanCode(code, (index, c) -> {
            if (c == '(' || c == '[' || c == '{') {
                depth[0]++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth[0]--;
            }
            return true;
        });
        return inString ? Math.max(depth[0], 1) : depth[0];
    }

    /** Receives the characters outside string literals; returns {@code false} to stop the scan. */
    @FunctionalInterface
    private interface CodeCharacter {
        boolean accept(int index, char c);
    }

    /**
     * Hands the characters of {@code code} that are outside string literals (quotes and backslash escapes
     * tracked) to {@code visitor}, until it stops the scan.
     *
     * @return whether the text ends inside an unclosed string literal
     */
    private static boolean scanCode(String code, CodeCharacter visitor) {
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (!visitor.accept(i, c)) {
                return false;
            }
        }
        return quote != 0;
    }

    /** The text is not a literal {@code ast.literal_eval} accepts. */
    private static final class NotALiteral extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** A recursive-descent reader of one literal. */
    private static final class Literal {
        /** Python 3's string prefixes, lower-cased; an {@code f} makes an f-string. */
        private static final Set<String> PREFIXES = Set.of("", "r", "u", "b", "br", "rb", "f", "fr", "rf");

        private static final Pattern NUMBER = Pattern.compile(
                "0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\\d[\\d_]*)?\\.?\\d[\\d_]*([eE][+-]?\\d+)?|\\d[\\d_]*\\.");
        private final String text;
        private int position;

        Literal(String text) {
            this.text = text;
        }

        Value parseAll() throws NotALiteral {
            Value value = parse();
            skipSpace();
            if (position != text.length()) {
                throw new NotALiteral();
            }
            return value;
        }

        private Value parse() throws NotALiteral {
            skipSpace();
            if (position >= text.length()) {
                throw new NotALiteral();
            }
            char c = text.charAt(position);
            if (c == '[') {
                return Value.Seq.list(items(']'));
            }
            if (c == '(') {
                int start = position;
                List<Value> items = items(')');
                boolean tuple = items.size() != 1
                        || text.substring(start, position).replaceAll("\\s", "").endsWith(",)");
                return tuple ? new Value.Seq(items, Value.Seq.Kind.TUPLE) : items.get(0);
            }
            if (c == '{') {
                return braces();
            }
            if (stringAt(position)) {
                return strings();
            }
            if (c == '-' || c == '+') {
                position++;
                Value operand = parse();
                if (c == '+') {
                    return operand;
                }
                if (operand instanceof Value.Int i) {
                    return new Value.Int(i.value().negate());
                }
                if (operand instanceof Value.Float f) {
                    return new Value.Float(-f.value());
                }
                throw new NotALiteral();
            }
            for (String word : new String[] {"True", "False", "None"}) {
                if (text.startsWith(word, position) && !identifierAt(position + word.length())) {
                    position += word.length();
                    return word.equals("None") ? Value.None.NONE : new Value.Bool(word.equals("True"));
                }
            }
            Matcher number = NUMBER.matcher(text);
            number.region(position, text.length());
            if (number.lookingAt()) {
                String digits = number.group().replace("_", "");
                position = number.end();
                if (identifierAt(position)) {
                    throw new NotALiteral();
                }
                String lower = digits.toLowerCase(Locale.ROOT);
                if (lower.startsWith("0x")) {
                    return new Value.Int(new BigInteger(digits.substring(2), 16));
                }
                if (lower.startsWith("0o")) {
                    return new Value.Int(new BigInteger(digits.substring(2), 8));
                }
                if (lower.startsWith("0b")) {
                    return new Value.Int(new BigInteger(digits.substring(2), 2));
                }
                if (digits.contains(".") || lower.contains("e")) {
                    return new Value.Float(Double.parseDouble(digits));
                }
                return new Value.Int(new BigInteger(digits));
            }
            throw new NotALiteral();
        }

        private List<Value> items(char close) throws NotALiteral {
            position++;
            List<Value> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (position < text.length() && text.charAt(position) == close) {
                    position++;
                    return items;
                }
                items.add(parse());
                skipSpace();
                if (position < text.length() && text.charAt(position) == ',') {
                    position++;
                } else if (position >= text.length() || text.charAt(position) != close) {
                    throw new NotALiteral();
                }
            }
        }

        /** A dict ({@code {k: v}}, also {@code {}}) or a set ({@code {1, 2}}: repeats dropped, first kept). */
        private Value braces() throws NotALiteral {
            position++;
            Map<String, Value> entries = new LinkedHashMap<>();
            List<Value> members = new ArrayList<>();
            boolean set = false;
            while (true) {
                skipSpace();
                if (position < text.length() && text.charAt(position) == '}') {
                    position++;
                    return set ? new Value.Seq(members, Value.Seq.Kind.SET) : new Value.Dict(entries);
                }
                Value key = parse();
                skipSpace();
                boolean pair = position < text.length() && text.charAt(position) == ':';
                if (entries.isEmpty() && members.isEmpty()) {
                    set = !pair;
                } else if (set == pair) {
                    throw new NotALiteral();
                }
                if (set) {
                    if (!members.contains(key)) {
                        members.add(key);
                    }
                } else {
                    position++;
                    entries.put(key.str(), parse());
                }
                skipSpace();
                if (position < text.length() && text.charAt(position) == ',') {
                    position++;
                } else if (position >= text.length() || text.charAt(position) != '}') {
                    throw new NotALiteral();
                }
            }
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
                while (end < text.length()
                        && end < position + 4
                        && text.charAt(end) >= '0'
                        && text.charAt(end) <= '7') {
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
            return index < text.length()
                    && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_');
        }

        private void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
    }
}
