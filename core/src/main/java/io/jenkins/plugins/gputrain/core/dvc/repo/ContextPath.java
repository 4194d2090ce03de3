package io.jenkins.plugins.gputrain.core.dvc.repo;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonRepr;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The name inside a {@code ${…}}, as DVC 3.67.1 parses it ({@code get_parser} in {@code dvc/parsing/interpolate.py}:
 * a word of anything but {@code .[]}, then {@code .word} or {@code [word]} parts, spaces kept inside words) and looks
 * it up ({@code Container.select} in {@code dvc/parsing/context.py}): each word stripped, a mapping's key as written,
 * a list's index as Python's {@code int()} reads it ({@code 01}, {@code -1}, {@code +1}).
 *
 * @param words the words, as written
 */
record ContextPath(List<String> words) {
    private static final String SEPARATORS = ".[]";

    /** Copies the words. */
    ContextPath {
        words = List.copyOf(words);
    }

    /**
     * Parses the text inside {@code ${…}}.
     *
     * @param inner the text between {@code ${} and {@code }}
     * @return the path
     * @throws Interpolator.ResolveException DVC's {@code ParseError} when the text is not a path
     */
    static ContextPath parse(String inner) {
        List<String> words = new ArrayList<>();
        int at = word(inner, 0, words);
        if (at < 0) {
            throw parseError(inner, 0, "Expected !W:(.[])");
        }
        while (true) {
            int next = skipSpaces(inner, at);
            if (next == inner.length()) {
                return new ContextPath(words);
            }
            int end = inner.charAt(next) == '.' || inner.charAt(next) == '[' ? word(inner, next + 1, words) : -1;
            if (end >= 0 && inner.charAt(next) == '[') {
                end = end < inner.length() && inner.charAt(end) == ']' ? end + 1 : -1;
            }
            if (end < 0) {
                // pyparsing stops repeating the parts where one fails and then expects the end of the text
                throw parseError(inner, next, "Expected end of text");
            }
            at = end;
        }
    }

    /** The name as DVC writes it in {@code Could not find '…'}: the words joined by dots. */
    String text() {
        return String.join(".", words);
    }

    /**
     * Looks the path up.
     *
     * @param context the variables
     * @return the value and its own path ({@code l.1} for {@code l[-1]} in a list of two)
     * @throws Interpolator.ResolveException DVC's {@code KeyNotInContext} when nothing is there
     */
    Found select(Value.Dict context) {
        Value current = context;
        List<String> path = new ArrayList<>();
        for (String word : words) {
            String key = word.strip();
            if (current instanceof Value.Dict dict && dict.entries().containsKey(key)) {
                current = dict.entries().get(key);
                path.add(key);
            } else if (current instanceof Value.Seq seq
                    && index(key, seq.items().size()) >= 0) {
                int index = index(key, seq.items().size());
                current = seq.items().get(index);
                path.add(String.valueOf(index));
            } else {
                throw new Interpolator.ResolveException("Could not find '" + text() + "'");
            }
        }
        return new Found(current, String.join(".", path));
    }

    /**
     * A value looked up and its own dotted path from the top of the variables.
     *
     * @param value the value
     * @param path its path: mapping keys, list indices from 0
     */
    record Found(Value value, String path) {}

    /** Python's {@code int(key)} as an index into a list of that size (negative from the end), or -1. */
    private static int index(String key, int size) {
        String digits = key.startsWith("+") || key.startsWith("-") ? key.substring(1) : key;
        if (!digits.matches("\\p{Nd}+(_\\p{Nd}+)*")) {
            return -1;
        }
        StringBuilder ascii = new StringBuilder(key.startsWith("-") ? "-" : "");
        digits.codePoints().filter(c -> c != '_').forEach(c -> ascii.append(Character.digit(c, 10)));
        BigInteger index = new BigInteger(ascii.toString());
        BigInteger length = BigInteger.valueOf(size);
        if (index.signum() < 0) {
            index = index.add(length);
        }
        return index.signum() >= 0 && index.compareTo(length) < 0 ? index.intValueExact() : -1;
    }

    /** Reads one word from {@code at}; returns where it ends, or -1 when there is none. */
    private static int word(String inner, int at, List<String> words) {
        int end = at;
        while (end < inner.length() && SEPARATORS.indexOf(inner.charAt(end)) < 0) {
            end++;
        }
        if (end == at) {
            return -1;
        }
        words.add(inner.substring(at, end));
        return end;
    }

    /** pyparsing's default whitespace skipped before a literal. */
    private static int skipSpaces(String inner, int at) {
        int next = at;
        while (next < inner.length() && " \t\n\r".indexOf(inner.charAt(next)) >= 0) {
            next++;
        }
        return next;
    }

    /**
     * DVC's {@code ParseError} as {@code _format_exc_msg} words pyparsing's exception: the expression, a caret under
     * the failing character, and pyparsing's message, every location counted in {@code ${inner}}.
     */
    private static Interpolator.ResolveException parseError(String inner, int at, String expected) {
        String embraced = "${" + inner + "}";
        int loc = at + 2;
        return Interpolator.ResolveException.parseError(embraced + "\n" + " ".repeat(loc) + "^\nParseException: "
                + expected + ", found " + found(embraced, loc) + "  (at char " + loc + "), (line:1, col:" + (loc + 1)
                + ")");
    }

    /** pyparsing's {@code found}: up to 16 letters or digits at the location, else the one character, as repr. */
    private static String found(String text, int loc) {
        int end = loc;
        while (end < text.length() && end - loc < 16 && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return PythonRepr.repr(new Value.Str(text.substring(loc, end == loc ? loc + 1 : end)));
    }
}
