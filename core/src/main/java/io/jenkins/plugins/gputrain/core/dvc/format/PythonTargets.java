package io.jenkins.plugins.gputrain.core.dvc.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the targets of an assignment statement as CPython 3.11's grammar does ({@code Grammar/python.gram}:
 * {@code star_targets '='} and {@code single_target augassign}): a name that is no keyword, an attribute
 * ({@code a.b}, {@code f().x}, {@code 'a'.x}) or a subscription ({@code a[0]}) of any primary, and, for {@code =}
 * only, starred targets and tuples and lists of targets ({@code a, *b}, {@code (a, b)}, {@code [a]}, {@code ()}).
 * Anything else before an {@code =} ({@code 1 = a}, {@code f() = 1}, {@code a + b = 1}, {@code True = 1}) is the
 * {@code SyntaxError} that makes {@code ast.parse} fail. A statement with a colon outside brackets before its first
 * {@code =} (an annotated assignment, a {@code match} or {@code case} line) and what follows a {@code lambda} are
 * not checked.
 */
final class PythonTargets {
    /** Python 3.11's keywords ({@code keyword.kwlist}): no name a target may be. */
    private static final Set<String> KEYWORDS = Set.of(
            "False",
            "None",
            "True",
            "and",
            "as",
            "assert",
            "async",
            "await",
            "break",
            "class",
            "continue",
            "def",
            "del",
            "elif",
            "else",
            "except",
            "finally",
            "for",
            "from",
            "global",
            "if",
            "import",
            "in",
            "is",
            "lambda",
            "nonlocal",
            "not",
            "or",
            "pass",
            "raise",
            "return",
            "try",
            "while",
            "with",
            "yield");

    /** Characters before {@code =} that make an augmented assignment ({@code +=}, {@code <<=}, {@code **=}, …). */
    private static final String AUGMENTED = "+-*/%@&|^<>";

    private final String code;
    private int position;

    private PythonTargets(String code) {
        this.code = code;
    }

    /**
     * Checks one simple statement.
     *
     * @param code the statement, comments dropped
     * @throws IllegalArgumentException for a target Python cannot assign to
     */
    static void check(String code) {
        PythonBracketScanner scanner = new PythonBracketScanner(code, 0);
        int start = 0;
        while (scanner.advance()) {
            int i = scanner.index();
            char c = scanner.current();
            if (scanner.depth() > 0 || scanner.atClosingBracket()) {
                continue;
            } else if (c == ':' || startsWord(code, i, "lambda")) {
                return;
            } else if (c == '=' && i + 1 < code.length() && code.charAt(i + 1) == '=') {
                scanner.skipNext(); // ==
            } else if (c == '=') {
                char previous = i > 0 ? code.charAt(i - 1) : ' ';
                boolean shift = i > 1 && (previous == '<' || previous == '>') && code.charAt(i - 2) == previous;
                if (previous == '!' || (previous == '<' || previous == '>') && !shift) {
                    continue; // != <= >=
                }
                if (AUGMENTED.indexOf(previous) >= 0) {
                    int operator = i - 1;
                    while (operator > start && AUGMENTED.indexOf(code.charAt(operator - 1)) >= 0) {
                        operator--;
                    }
                    if (!new PythonTargets(code.substring(start, operator).strip()).single()) {
                        throw new IllegalArgumentException("illegal expression for augmented assignment");
                    }
                    return;
                }
                if (!new PythonTargets(code.substring(start, i)).list(false)) {
                    throw new IllegalArgumentException("cannot assign to this expression");
                }
                start = i + 1;
            }
        }
    }

    private static boolean startsWord(String text, int i, String word) {
        return text.startsWith(word, i)
                && (i == 0 || !PythonStatements.isNameCharacter(text.charAt(i - 1)))
                && (i + word.length() >= text.length()
                        || !PythonStatements.isNameCharacter(text.charAt(i + word.length())));
    }

    /**
     * Whether the whole text is targets separated by commas (a trailing one allowed).
     *
     * @param empty whether no target at all is allowed ({@code ()}, {@code []})
     */
    private boolean list(boolean empty) {
        List<String> items = items();
        if (items.size() == 1 && items.get(0).isBlank()) {
            return empty;
        }
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i).strip();
            boolean trailing = i == items.size() - 1 && i > 0 && item.isEmpty();
            if (!trailing && !starred(item)) {
                return false;
            }
        }
        return true;
    }

    /** The text split at commas outside brackets and strings. */
    private List<String> items() {
        List<String> items = new ArrayList<>();
        PythonBracketScanner scanner = new PythonBracketScanner(code, 0);
        int start = 0;
        while (scanner.advance()) {
            if (scanner.current() == ',' && scanner.depth() == 0) {
                items.add(code.substring(start, scanner.index()));
                start = scanner.index() + 1;
            }
        }
        items.add(code.substring(start));
        return items;
    }

    /** A target, or {@code *target}. */
    private static boolean starred(String item) {
        if (item.startsWith("*")) {
            String rest = item.substring(1).strip();
            return !rest.startsWith("*") && new PythonTargets(rest).target(true);
        }
        return new PythonTargets(item).target(true);
    }

    /** An augmented assignment's target: a name, an attribute or a subscription, parenthesized too. */
    private boolean single() {
        return target(false);
    }

    /**
     * Whether the whole text is one target.
     *
     * @param nested whether tuples and lists of targets are allowed
     */
    private boolean target(boolean nested) {
        position = 0;
        skipSpace();
        if (position >= code.length()) {
            return false;
        }
        int atomStart = position;
        char first = code.charAt(position);
        boolean bracketed = first == '(' || first == '[';
        boolean name = false;
        if (first == '(' || first == '[' || first == '{') {
            position = close(position);
        } else if (first == '"' || first == '\'') {
            strings();
        } else if (first < 0x80 && Character.isDigit(first)
                || first == '.' && position + 1 < code.length() && Character.isDigit(code.charAt(position + 1))) {
            position = PythonNumber.read(code, position).end();
        } else if (code.startsWith("...", position)) {
            position += 3;
        } else if (atName()) {
            String word = word();
            if (position < code.length() && (code.charAt(position) == '"' || code.charAt(position) == '\'')) {
                strings(); // a prefixed string
            } else if (KEYWORDS.contains(word)
                    && !Set.of("True", "False", "None").contains(word)) {
                return false;
            } else {
                name = !KEYWORDS.contains(word);
            }
        } else {
            return false;
        }
        int atomEnd = position;
        char last = 0;
        while (true) {
            skipSpace();
            if (position >= code.length()) {
                break;
            }
            char c = code.charAt(position);
            if (c == '.') {
                position++;
                skipSpace();
                if (!atName()) {
                    return false;
                }
                word();
            } else if (c == '[' || c == '(') {
                position = close(position);
            } else {
                return false;
            }
            last = c;
        }
        if (last != 0) {
            return last == '.' || last == '[';
        }
        if (bracketed) {
            PythonTargets inner = new PythonTargets(code.substring(atomStart + 1, atomEnd - 1));
            if (first == '[' || inner.items().size() > 1) {
                return nested && inner.list(true);
            }
            String only = inner.code.strip();
            return only.isEmpty() ? nested : !only.startsWith("*") && inner.target(nested);
        }
        return name;
    }

    /** Adjacent string literals with their prefixes. */
    private void strings() {
        while (position < code.length() && (code.charAt(position) == '"' || code.charAt(position) == '\'')) {
            position = PythonStatements.skipString(code, position);
            skipSpace();
            int start = position;
            while (position < code.length() && Character.isLetter(code.charAt(position))) {
                position++;
            }
            if (position >= code.length() || code.charAt(position) != '"' && code.charAt(position) != '\'') {
                position = start;
                return;
            }
        }
    }

    private boolean atName() {
        return position < code.length() && PythonStatements.isIdentifierPart(code.codePointAt(position));
    }

    private String word() {
        int start = position;
        while (atName()) {
            position += Character.charCount(code.codePointAt(position));
        }
        return code.substring(start, position);
    }

    /** The index after the bracket closing the one at {@code open}. */
    private int close(int open) {
        PythonBracketScanner scanner = new PythonBracketScanner(code, open);
        while (scanner.advance()) {
            if (scanner.atClosingBracket() && scanner.depth() == 0) {
                return scanner.index() + 1;
            }
        }
        return code.length();
    }

    private void skipSpace() {
        while (position < code.length() && Character.isWhitespace(code.charAt(position))) {
            position++;
        }
    }
}
