package io.jenkins.plugins.gputrain.core.dvc.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits Python source into simple statements as CPython 3.11's tokenizer and grammar group them: physical lines
 * joined inside brackets, triple-quoted strings and after a {@code \} line continuation; comments dropped; statements
 * on one line separated by {@code ;}; a compound statement's body on its header line ({@code class C: a = 1; b = 2})
 * as statements one column deeper than the header. Number literals are checked on the way ({@link PythonNumber}), as
 * the tokenizer checks them, and so is indentation ({@link PythonIndentation}): what {@code ast.parse} refuses with
 * an {@code IndentationError} or {@code TabError} is refused here. Brackets nest at most 200 deep, as in CPython
 * ({@code MAXLEVEL}, "too many nested parentheses"), which bounds every recursion of the literal reader.
 */
final class PythonStatements {
    /**
     * A simple statement, or a compound statement's header ending in {@code :}.
     *
     * @param indent its indentation column as the tokenizer counts it (tabs to multiples of 8, a form feed resets it)
     * @param line the physical line (from 1) it starts on
     * @param code its source, comments dropped, physical lines joined
     */
    record Statement(int indent, int line, String code) {}

    /** CPython's {@code MAXLEVEL}: brackets nested deeper are a syntax error. */
    static final int MAX_NESTING = 200;

    /** Compound statements whose body may follow their header's colon. */
    private static final Pattern COMPOUND =
            Pattern.compile("(?:class|def|if|elif|else|for|while|with|try|except|finally|async)(?![\\p{L}\\p{N}_])");

    private final String text;
    private final List<Statement> statements = new ArrayList<>();
    private final PythonIndentation indentation = new PythonIndentation();
    private final StringBuilder line = new StringBuilder();
    private final List<Integer> semicolons = new ArrayList<>();
    private int colon = -1;
    private PythonIndentation.Indent indent;
    private int lineNumber = 1;
    private int statementLine;
    private int depth;
    private int bracketLine;
    private int position;

    private PythonStatements(String source) {
        this.text = source.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * The statements of a module, in order.
     *
     * @throws PythonSyntaxError for what Python's tokenizer or parser refuses here: an unclosed bracket or string, a
     *     stray {@code \}, a bad number literal, a character no token holds, bad indentation
     */
    static List<Statement> of(String source) {
        PythonStatements splitter = new PythonStatements(source);
        try {
            splitter.split();
        } catch (PythonSyntaxError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PythonSyntaxError(splitter.lineNumber, e.getMessage());
        }
        return splitter.statements;
    }

    /** Whether Python allows the character inside a name (and so not directly after a number). */
    static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * Whether a character may continue an identifier: an ASCII letter, digit or underscore, or a non-ASCII
     * character Java's Unicode identifier properties allow (its format characters left out, which Python refuses).
     */
    static boolean isIdentifierPart(int codePoint) {
        return codePoint < 0x80
                ? Character.isLetterOrDigit(codePoint) || codePoint == '_'
                : Character.isUnicodeIdentifierPart(codePoint) && !Character.isIdentifierIgnorable(codePoint);
    }

    private void split() {
        while (position < text.length()) {
            if (indent == null) {
                statementLine = lineNumber;
                indent = PythonIndentation.Indent.of(text, position);
                position = indent.end();
                continue;
            }
            char c = text.charAt(position);
            if (c == '"' || c == '\'') {
                string();
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
                lineNumber++;
            } else if (c == '\n') {
                position++;
                if (depth > 0) {
                    line.append(' ');
                    lineNumber++;
                } else {
                    endLine();
                    lineNumber++;
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
            throw new PythonSyntaxError(bracketLine, "unclosed bracket");
        }
        endLine();
        indentation.end(text.endsWith("\n") ? lineNumber - 1 : lineNumber);
    }

    /** A character outside strings and comments. */
    private void code(char c) {
        if (c == '(' || c == '[' || c == '{') {
            if (depth == 0) {
                bracketLine = lineNumber;
            }
            if (++depth > MAX_NESTING) {
                throw new IllegalArgumentException("too many nested parentheses");
            }
        } else if (c == ')' || c == ']' || c == '}') {
            if (--depth < 0) {
                throw new IllegalArgumentException("unmatched '" + c + "'");
            }
        } else if (depth == 0 && c == ';') {
            semicolons.add(line.length());
        } else if (depth == 0 && c == ':' && colon < 0 && !text.startsWith(":=", position)) {
            colon = line.length();
        } else {
            int codePoint = text.codePointAt(position);
            checkCharacter(codePoint);
            line.appendCodePoint(codePoint);
            position += Character.charCount(codePoint);
            return;
        }
        line.append(c);
        position++;
    }

    /**
     * Refuses a character that starts no token, as CPython's tokenizer does: a control character but tab and form
     * feed, {@code $ ? `}, {@code !} but in {@code !=}, a non-ASCII character no identifier may hold there (by
     * Java's Unicode identifier properties, its format characters left out).
     */
    private void checkCharacter(int codePoint) {
        boolean valid;
        if (codePoint < 0x80) {
            valid = codePoint >= 0x20 && codePoint < 0x7f && "$?`".indexOf(codePoint) < 0
                    || codePoint == '\t'
                    || codePoint == '\f';
            if (codePoint == '!') {
                valid = text.startsWith("!=", position);
            }
        } else {
            valid = !Character.isIdentifierIgnorable(codePoint)
                    && (Character.isUnicodeIdentifierStart(codePoint)
                            || Character.isUnicodeIdentifierPart(codePoint) && inName());
        }
        if (!valid) {
            throw new IllegalArgumentException(String.format("invalid character U+%04X", codePoint));
        }
    }

    /** Whether the previous character continues a name or attribute ({@code x1}, {@code a.5} is not a number). */
    private boolean afterName() {
        return line.length() > 0
                && (isNameCharacter(line.charAt(line.length() - 1)) || line.charAt(line.length() - 1) == '.');
    }

    /** Whether the previous character is a name's. */
    private boolean inName() {
        if (line.length() == 0) {
            return false;
        }
        return isIdentifierPart(Character.codePointBefore(line, line.length()));
    }

    /** Copies a string literal as written (its prefix is already copied). */
    private void string() {
        int start = position;
        position = skipString(text, position);
        lineNumber += (int)
                text.substring(start, position).chars().filter(c -> c == '\n').count();
        line.append(text, start, position);
    }

    /**
     * Where the string literal whose opening quote is at {@code start} ends (prefixes are not looked at).
     *
     * @return the index after its closing quote
     * @throws IllegalArgumentException for an unterminated string
     */
    static int skipString(String text, int start) {
        char quote = text.charAt(start);
        String triple = String.valueOf(quote).repeat(3);
        boolean isTriple = text.startsWith(triple, start);
        int position = start + (isTriple ? 3 : 1);
        while (true) {
            if (position >= text.length()) {
                throw new IllegalArgumentException("unterminated string literal");
            }
            char c = text.charAt(position);
            if (c == '\\') {
                position += 2;
            } else if (c == '\n' && !isTriple) {
                throw new IllegalArgumentException("unterminated string literal");
            } else if (c == quote && (!isTriple || text.startsWith(triple, position))) {
                return position + (isTriple ? 3 : 1);
            } else {
                position++;
            }
        }
    }

    private void endLine() {
        String code = line.toString();
        if (!code.isBlank()) {
            int column = indentation.statement(indent, code.strip().endsWith(":"), statementLine);
            int from = 0;
            int bodyIndent = column;
            if (colon >= 0 && COMPOUND.matcher(code).lookingAt()) {
                statements.add(new Statement(column, statementLine, code.substring(0, colon + 1)));
                from = colon + 1;
                bodyIndent = column + 1;
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
        indent = null;
    }

    private void add(int indent, String code) {
        if (!code.isBlank()) {
            statements.add(new Statement(indent, statementLine, code.strip()));
        }
    }
}
