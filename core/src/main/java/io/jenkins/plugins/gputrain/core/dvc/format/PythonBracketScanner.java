package io.jenkins.plugins.gputrain.core.dvc.format;

/**
 * Walks Python code a character at a time, stepping over string literals ({@link PythonStatements#skipString}) and
 * counting the brackets (round, square, curly) open around each character: an opening bracket counts as inside the
 * brackets it opens, a closing one as outside those it closes. An unmatched closing bracket takes the depth below 0.
 */
final class PythonBracketScanner {
    private final String code;
    private int next;
    private int index = -1;
    private int depth;

    /**
     * A scan of {@code code} from the character at {@code from}.
     *
     * @param code the code, its strings closed
     * @param from where the scan starts
     */
    PythonBracketScanner(String code, int from) {
        this.code = code;
        this.next = from;
    }

    /**
     * Moves to the next character outside string literals.
     *
     * @return whether there is one
     * @throws IllegalArgumentException for an unterminated string
     */
    boolean advance() {
        while (next < code.length() && isQuote(code.charAt(next))) {
            next = PythonStatements.skipString(code, next);
        }
        if (next >= code.length()) {
            return false;
        }
        index = next++;
        char c = code.charAt(index);
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (atClosingBracket()) {
            depth--;
        }
        return true;
    }

    /** Steps over the character after the current one unread (the second {@code =} of {@code ==}). */
    void skipNext() {
        next++;
    }

    /** The index of the current character. */
    int index() {
        return index;
    }

    /** The current character. */
    char current() {
        return code.charAt(index);
    }

    /** Whether the current character is a closing bracket. */
    boolean atClosingBracket() {
        char c = current();
        return c == ')' || c == ']' || c == '}';
    }

    /** How many brackets are open around the current character. */
    int depth() {
        return depth;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }
}
