package io.jenkins.plugins.gputrain.core.dvc.format;

/**
 * Keeps the sign of TOML's negative zero floats ({@code -0.0}, {@code -0e0}, {@code -0.0_0e+3}) through Jackson's
 * TOML parser, which reads every float as a {@code BigDecimal} and so as {@code 0.0} (tomlkit, DVC's reader, keeps
 * {@code -0.0}): each such literal in a value is rewritten as {@code -1e-400}, a float that rounds to {@code -0.0}.
 * Strings, comments and table headers are left as they are.
 */
final class TomlNegativeZeros {
    private static final String NEGATIVE_ZERO = "-1e-400";

    private final String text;
    private final StringBuilder out;
    private int at;
    private int copied;
    private boolean valueNext;
    /** The arrays and inline tables open here, innermost last: their opening brackets and braces. */
    private final StringBuilder open = new StringBuilder();

    private TomlNegativeZeros(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length() + 16);
    }

    /** The text with its negative zero floats rewritten; the same text when it has none. */
    static String keepSigns(String text) {
        return text.contains("-0") ? new TomlNegativeZeros(text).rewrite() : text;
    }

    private String rewrite() {
        boolean lineStart = true;
        while (at < text.length()) {
            char c = text.charAt(at);
            int end;
            if (c == '#') {
                skipLine();
            } else if (c == '"' || c == '\'') {
                skipString(c);
                valueNext = false;
            } else if (c == '[' && lineStart && open.isEmpty() && !valueNext) {
                skipLine(); // a table header
            } else if (c == '-' && valueNext && (end = negativeZeroEnd()) > at) {
                out.append(text, copied, at).append(NEGATIVE_ZERO);
                copied = end;
                at = end;
                valueNext = false;
            } else {
                step(c);
                at++;
            }
            lineStart = c == '\n' || lineStart && isBlank(c);
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    private void step(char c) {
        if (c == '=') {
            valueNext = true;
        } else if (c == '[' && (valueNext || !open.isEmpty())) {
            open.append(c);
            valueNext = true;
        } else if (c == '{') {
            open.append(c);
            valueNext = false; // a key comes next
        } else if (c == ']' || c == '}') {
            if (!open.isEmpty() && open.charAt(open.length() - 1) == (c == ']' ? '[' : '{')) {
                open.setLength(open.length() - 1);
            }
            valueNext = false;
        } else if (c == ',') {
            valueNext = !open.isEmpty() && open.charAt(open.length() - 1) == '['; // in an inline table, a key
        } else if (!isBlank(c) && c != '\n' && c != '\r') {
            valueNext = false;
        }
    }

    private boolean isDigit(int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Where a negative zero float starting at {@code at} ends, or {@code at} when none starts there. */
    private int negativeZeroEnd() {
        int i = at + 1;
        if (i >= text.length() || text.charAt(i) != '0') {
            return at;
        }
        i++;
        boolean fraction = i < text.length() && text.charAt(i) == '.';
        if (fraction) {
            if (zeros(i + 1) == i + 1) {
                return at;
            }
            i = zeros(i + 1);
        }
        boolean exponent = i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E');
        if (exponent) {
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            if (!isDigit(i)) {
                return at;
            }
            while (isDigit(i)
                    || i < text.length()
                            && text.charAt(i) == '_'
                            && isDigit(i + 1)) { // digit (_? digit)*, as tomlkit reads it
                i += isDigit(i) ? 1 : 2;
            }
        }
        boolean ends = i == text.length() || " \t\r\n,]}#".indexOf(text.charAt(i)) >= 0;
        return (fraction || exponent) && ends ? i : at;
    }

    /** Past the zeros (and underscores between them) of a fraction; {@code from} when it has none. */
    private int zeros(int from) {
        int i = from;
        while (i < text.length()
                && (text.charAt(i) == '0'
                        || i > from && text.charAt(i) == '_' && i + 1 < text.length() && text.charAt(i + 1) == '0')) {
            i++;
        }
        return i;
    }

    private void skipLine() {
        while (at < text.length() && text.charAt(at) != '\n') {
            at++;
        }
    }

    /** Past a basic or literal string, single- or multi-line. */
    private void skipString(char quote) {
        String triple = String.valueOf(quote).repeat(3);
        boolean multiLine = text.startsWith(triple, at);
        at += multiLine ? 3 : 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\' && quote == '"') {
                at += 2;
            } else if (multiLine ? text.startsWith(triple, at) : c == quote) {
                at += multiLine ? 3 : 1;
                while (multiLine && at < text.length() && text.charAt(at) == quote) {
                    at++; // up to two quotes right before the closing ones belong to the string
                }
                return;
            } else if (!multiLine && c == '\n') {
                return;
            } else {
                at++;
            }
        }
    }
}
