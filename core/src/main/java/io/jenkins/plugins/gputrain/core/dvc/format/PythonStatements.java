package io.jenkins.plugins.gputrain.core.dvc.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits Python source into simple statements as Python's tokenizer and grammar group them: physical lines joined
 * inside brackets, triple-quoted strings and after a {@code \} line continuation; comments dropped; statements on one
 * line separated by {@code ;}; a compound statement's body on its header line ({@code class C: a = 1; b = 2}) as
 * statements one column deeper than the header. Number literals are checked on the way ({@link PythonNumber}), as
 * the tokenizer checks them.
 */
final class PythonStatements {
    /** A simple statement, or a compound statement's header ending in {@code :}, and its indentation. */
    record Statement(int indent, String code) {}

    /** Compound statements whose body may follow their header's colon. */
    private static final Pattern COMPOUND =
            Pattern.compile("(?:class|def|if|elif|else|for|while|with|try|except|finally|async)(?![\\p{L}\\p{N}_])");

    private final String text;
    private final List<Statement> statements = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private final List<Integer> semicolons = new ArrayList<>();
    private int colon = -1;
    private int indent = -1;
    private int depth;
    private int position;

    private PythonStatements(String source) {
        this.text = source.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * The statements of a module, in order.
     *
     * @throws IllegalArgumentException for what Python's tokenizer refuses: an unclosed bracket or string, a
     *     stray {@code \}, a bad number literal
     */
    static List<Statement> of(String source) {
        PythonStatements splitter = new PythonStatements(source);
        splitter.split();
        return splitter.statements;
    }

    /** Whether Python allows the character inside a name (and so not directly after a number). */
    static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private void split() {
        while (position < text.length()) {
            if (indent < 0) {
                int start = position;
                while (position < text.length() && " \t\f".indexOf(text.charAt(position)) >= 0) {
                    position++;
                }
                indent = position - start;
                continue;
            }
            char c = text.charAt(position);
            if (c == '"' || c == '\'') {
                string(c);
            } else if (c == '#') {
                while (position < text.length() && text.charAt(position) != '\n') {
                    position++;
                }
            } else if (c == '\\') {
                if (position + 1 >= text.length() || text.charAt(position + 1) != '\n') {
                    throw new IllegalArgumentException("unexpected character after line continuation character");
                }
                line.append(' ');
                position += 2;
            } else if (c == '\n') {
                position++;
                if (depth > 0) {
                    line.append(' ');
                } else {
                    endLine();
                }
            } else if (Character.isDigit(c) && c < 0x80 && !afterName()) {
                int end = PythonNumber.read(text, position).end();
                line.append(text, position, end);
                position = end;
            } else {
                code(c);
            }
        }
        if (depth > 0) {
            throw new IllegalArgumentException("unclosed bracket");
        }
        endLine();
    }

    /** A character outside strings and comments. */
    private void code(char c) {
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (--depth < 0) {
                throw new IllegalArgumentException("unmatched '" + c + "'");
            }
        } else if (depth == 0 && c == ';') {
            semicolons.add(line.length());
        } else if (depth == 0 && c == ':' && colon < 0 && !text.startsWith(":=", position)) {
            colon = line.length();
        }
        line.append(c);
        position++;
    }

    /** Whether the previous character continues a name or attribute ({@code x1}, {@code a.5} is not a number). */
    private boolean afterName() {
        return line.length() > 0
                && (isNameCharacter(line.charAt(line.length() - 1)) || line.charAt(line.length() - 1) == '.');
    }

    /** Copies a string literal as written (its prefix is already copied). */
    private void string(char quote) {
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), position);
        int start = position;
        position += triple ? 3 : 1;
        while (true) {
            if (position >= text.length()) {
                throw new IllegalArgumentException("unterminated string literal");
            }
            char c = text.charAt(position);
            if (c == '\\') {
                position += 2;
            } else if (c == '\n' && !triple) {
                throw new IllegalArgumentException("unterminated string literal");
            } else if (c == quote
                    && (!triple || text.startsWith(String.valueOf(quote).repeat(3), position))) {
                position += triple ? 3 : 1;
                break;
            } else {
                position++;
            }
        }
        line.append(text, start, Math.min(position, text.length()));
    }

    private void endLine() {
        String code = line.toString();
        if (!code.isBlank()) {
            int from = 0;
            int bodyIndent = indent;
            if (colon >= 0 && COMPOUND.matcher(code).lookingAt()) {
                statements.add(new Statement(indent, code.substring(0, colon + 1)));
                from = colon + 1;
                bodyIndent = indent + 1;
            }
            for (int semicolon : semicolons) {
                if (semicolon >= from) {
                    add(bodyIndent, code.substring(from, semicolon));
                    from = semicolon + 1;
                }
            }
            add(bodyIndent, code.substring(from));
        }
        line.setLength(0);
        semicolons.clear();
        colon = -1;
        indent = -1;
    }

    private void add(int indent, String code) {
        if (!code.isBlank()) {
            statements.add(new Statement(indent, code.strip()));
        }
    }
}
