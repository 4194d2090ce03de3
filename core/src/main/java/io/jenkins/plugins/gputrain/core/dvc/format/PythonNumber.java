package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.math.BigInteger;
import java.util.List;

/**
 * A Python 3 number literal as the tokenizer reads it ({@code Parser/tokenizer.c}): decimal, hexadecimal, octal and
 * binary integers, floats ({@code 5.}, {@code .5}, {@code 1_0e1_0}) and imaginary numbers ({@code 2j}), with single
 * underscores between digits. What the tokenizer refuses ({@code 01}, {@code 1_}, {@code 1__0}, {@code 0b2},
 * {@code 1abc}) is a syntax error: the whole file is unreadable, as DVC's {@code ast.parse} makes it.
 *
 * @param value an {@link Value.Int}, {@link Value.Float} or {@link Value.Complex} with a zero real part
 * @param end the index after the literal
 */
record PythonNumber(Value value, int end) {
    /**
     * Keywords that may directly follow a number ({@code 1if x else 2}): CPython's {@code verify_end_of_number}
     * checks only these prefixes.
     */
    /** The most digits of a decimal int literal Python 3.11 converts (hexadecimal, octal, binary: no limit). */
    static final int MAX_DECIMAL_DIGITS = 4300;

    private static final List<String> KEYWORDS = List.of("and", "else", "for", "if", "in", "is", "not", "or");

    /**
     * Reads the number at {@code start}: a digit, or a {@code .} before a digit.
     *
     * @throws IllegalArgumentException for a literal Python's tokenizer refuses
     */
    static PythonNumber read(String text, int start) {
        char first = text.charAt(start);
        if (first == '0' && start + 1 < text.length() && "xXoObB".indexOf(text.charAt(start + 1)) >= 0) {
            return radix(text, start);
        }
        int i = start;
        boolean integer = true;
        if (isDigit(text, i, 10)) {
            i = digits(text, i, 10);
        }
        if (i < text.length() && text.charAt(i) == '.') {
            integer = false;
            i++;
            if (isDigit(text, i, 10)) {
                i = digits(text, i, 10);
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (isDigit(text, exponent, 10)) {
                integer = false;
                i = digits(text, exponent, 10);
            }
        }
        boolean imaginary = i < text.length() && (text.charAt(i) == 'j' || text.charAt(i) == 'J');
        String literal = text.substring(start, i).replace("_", "");
        if (imaginary) {
            i++;
        }
        checkEnd(text, i);
        if (imaginary) {
            return new PythonNumber(new Value.Complex(0.0, Double.parseDouble(literal)), i);
        }
        if (!integer) {
            return new PythonNumber(new Value.Float(Double.parseDouble(literal)), i);
        }
        if (literal.startsWith("0") && !literal.matches("0+")) {
            throw new IllegalArgumentException("leading zeros in decimal integer literals are not permitted");
        }
        if (literal.length() > MAX_DECIMAL_DIGITS && !literal.matches("0+")) {
            // Python 3.11's sys.int_info.default_max_str_digits: ast.parse raises it as a SyntaxError
            throw new IllegalArgumentException(
                    "Exceeds the limit (" + MAX_DECIMAL_DIGITS + " digits) for integer string conversion");
        }
        return new PythonNumber(new Value.Int(new BigInteger(literal)), i);
    }

    /** {@code 0x…}, {@code 0o…}, {@code 0b…}: an underscore may also follow the prefix ({@code 0x_f}). */
    private static PythonNumber radix(String text, int start) {
        char kind = Character.toLowerCase(text.charAt(start + 1));
        int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
        int i = start + 2;
        if (i < text.length() && text.charAt(i) == '_') {
            i++;
        }
        if (!isDigit(text, i, radix)) {
            throw new IllegalArgumentException("invalid " + kind + " literal");
        }
        i = digits(text, i, radix);
        checkEnd(text, i);
        String digits = text.substring(start + 2, i).replace("_", "");
        return new PythonNumber(new Value.Int(new BigInteger(digits, radix)), i);
    }

    /** Digits from {@code i} (a digit), single underscores between them; returns the index after them. */
    private static int digits(String text, int i, int radix) {
        int end = i;
        while (isDigit(text, end, radix)) {
            end++;
            if (end < text.length() && text.charAt(end) == '_') {
                if (!isDigit(text, end + 1, radix)) {
                    throw new IllegalArgumentException("invalid decimal literal");
                }
                end++;
            }
        }
        return end;
    }

    private static boolean isDigit(String text, int i, int radix) {
        return i < text.length() && text.charAt(i) < 0x80 && Character.digit(text.charAt(i), radix) >= 0;
    }

    /** A letter, digit or underscore right after a number is a syntax error, but for a keyword. */
    private static void checkEnd(String text, int i) {
        if (i < text.length()
                && PythonStatements.isNameCharacter(text.charAt(i))
                && KEYWORDS.stream().noneMatch(keyword -> text.startsWith(keyword, i))) {
            throw new IllegalArgumentException("invalid decimal literal");
        }
    }
}
