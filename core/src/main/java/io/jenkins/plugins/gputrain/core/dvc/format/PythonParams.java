package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Python params file as DVC's {@code _py.py} does with {@code ast.literal_eval}: module-level
 * {@code NAME = literal} and {@code NAME: T = literal}, class bodies as nested mappings (with {@code self.x = literal}
 * inside {@code __init__}); anything that is not a literal is skipped. Literals: numbers, strings, {@code True},
 * {@code False}, {@code None}, lists, tuples and dicts of literals.
 */
final class PythonParams {
    /** A Python 3 identifier: a letter or underscore, then letters, digits, marks and connectors (non-ASCII too). */
    private static final String IDENTIFIER = "[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]*";

    private static final Pattern CLASS = Pattern.compile("class\\s+(" + IDENTIFIER + ")\\s*(\\(.*\\))?\\s*:\\s*");
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
        Map<String, Value> module = new LinkedHashMap<>();
        Map<String, Map<String, Value>> classes = new LinkedHashMap<>();
        Map<String, Value> currentClass = null;
        int classIndent = -1;
        int bodyIndent = -1;
        for (String statement : statements(text)) {
            int indent = statement.length() - statement.stripLeading().length();
            String code = statement.strip();
            if (currentClass != null && indent <= classIndent) {
                currentClass = null;
            }
            if (currentClass != null && bodyIndent < 0) {
                bodyIndent = indent;
            }
            Matcher klass = CLASS.matcher(code);
            if (klass.matches() && indent == 0) {
                currentClass = new LinkedHashMap<>();
                classIndent = indent;
                bodyIndent = -1;
                classes.put(klass.group(1), currentClass);
                module.put(klass.group(1), Value.None.NONE);
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(code);
            if (!assignment.matches()) {
                continue;
            }
            boolean self = assignment.group(1) != null;
            Map<String, Value> target;
            if (currentClass != null) {
                target = indent == bodyIndent && !self || indent > bodyIndent && self ? currentClass : null;
            } else {
                target = indent == 0 && !self ? module : null;
            }
            if (target == null) {
                continue;
            }
            try {
                target.put(assignment.group(2), new Literal(assignment.group(3).strip()).parseAll());
            } catch (NotALiteral | NumberFormatException e) {
                // ast.literal_eval refuses it; DVC skips the name
            }
        }
        Map<String, Value> result = new LinkedHashMap<>();
        module.forEach((name, value) ->
                result.put(name, classes.containsKey(name) ? new Value.Dict(classes.get(name)) : value));
        return new Value.Dict(result);
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
                return tuple ? new Value.Seq(items, true) : items.get(0);
            }
            if (c == '{') {
                return dict();
            }
            if (c == '"' || c == '\'') {
                return new Value.Str(string());
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
                String lower = digits.toLowerCase(java.util.Locale.ROOT);
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

        private Value dict() throws NotALiteral {
            position++;
            Map<String, Value> entries = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (position < text.length() && text.charAt(position) == '}') {
                    position++;
                    return new Value.Dict(entries);
                }
                Value key = parse();
                skipSpace();
                if (position >= text.length() || text.charAt(position) != ':') {
                    throw new NotALiteral();
                }
                position++;
                entries.put(key.str(), parse());
                skipSpace();
                if (position < text.length() && text.charAt(position) == ',') {
                    position++;
                }
            }
        }

        private String string() throws NotALiteral {
            char quote = text.charAt(position);
            boolean triple = text.startsWith(String.valueOf(quote).repeat(3), position);
            position += triple ? 3 : 1;
            StringBuilder value = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '\\' && position + 1 < text.length()) {
                    char next = text.charAt(position + 1);
                    value.append(
                            switch (next) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                case 'r' -> '\r';
                                default -> next;
                            });
                    position += 2;
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
