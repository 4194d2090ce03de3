package io.jenkins.plugins.gputrain.core.spec;

/**
 * A value the user typed that gpu-train cannot accept. The message is one line naming the field (as the user knows
 * it: {@code cpuMemory} in a Jenkinsfile, {@code --cpu-memory} on the command line), the input, what is wrong and
 * what was expected, e.g. {@code cpuMemory '1-2000+t4*0': GPU count must be at least 1 (expected
 * {cpu}-{memory}[+{model}*{count}] or s|m|l|xl)}.
 */
public final class InvalidSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ECHO = 80;

    private final String field;
    private final String input;
    private final String reason;
    private final String expected;

    /**
     * Creates the exception.
     *
     * @param field the field or option the value was given for
     * @param input the value as given (shortened and escaped in the message)
     * @param reason what is wrong with it
     * @param expected the accepted forms
     */
    public InvalidSpecException(String field, String input, String reason, String expected) {
        super(field + " '" + echo(input) + "': " + escape(reason) + " (expected " + expected + ")");
        this.field = field;
        this.input = input;
        this.reason = escape(reason);
        this.expected = expected;
    }

    /** The same problem reported for another field name, e.g. the CLI option instead of the step argument. */
    public InvalidSpecException withField(String otherField) {
        return new InvalidSpecException(otherField, input, reason, expected);
    }

    /** The field or option the value was given for. */
    public String field() {
        return field;
    }

    /** What is wrong with the value, without field and expectation; control characters escaped. */
    public String reason() {
        return reason;
    }

    /**
     * The input as it may be shown: control characters escaped, at most 80 characters, so the message stays one
     * readable line whatever was typed.
     */
    static String echo(String input) {
        if (input == null) {
            return "";
        }
        int length = input.codePointCount(0, input.length());
        String shown = length > MAX_ECHO ? input.substring(0, input.offsetByCodePoints(0, MAX_ECHO)) : input;
        return escape(shown) + (length > MAX_ECHO ? "…" : "");
    }

    /** Escapes control characters and line separators as {@code \\uXXXX}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c)
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
