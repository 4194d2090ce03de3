package io.jenkins.plugins.gputrain.core.dvc.format;

/**
 * Python's indentation rules, as CPython 3.11 checks them (its tokenizer, {@code Parser/tokenizer.c} {@code tok_get},
 * and its parser; measured against {@code ast.parse} of Python 3.11.7, DVC 3.67.1's venv): a logical line's column
 * counts a space as 1, a tab up to the next multiple of 8, and a form feed resets it to 0; the same line is also
 * measured with tabs of width 1, and both measures must agree on whether a line is indented more, less or the same
 * ({@code TabError: inconsistent use of tabs and spaces in indentation}). A line may be indented only after a block
 * header (a line ending in {@code :}), which must be followed by one ({@code unexpected indent}, {@code expected an
 * indented block}); a dedent must return to an enclosing level ({@code unindent does not match any outer indentation
 * level}); at most 100 levels ({@code MAXINDENT}: {@code too many levels of indentation}). Lines holding only spaces
 * and comments are not measured.
 */
final class PythonIndentation {
    /** CPython's {@code MAXINDENT}: the module level and 99 more. */
    static final int MAX_LEVELS = 100;

    private static final int TAB_SIZE = 8;

    private final int[] columns = new int[MAX_LEVELS];
    private final int[] altColumns = new int[MAX_LEVELS];
    private int level;
    private int blockHeaderLine;
    private int lastLine;

    /**
     * A logical line's indentation.
     *
     * @param column with tabs to multiples of 8
     * @param altColumn with tabs of width 1
     * @param end the index after the indentation
     */
    record Indent(int column, int altColumn, int end) {
        /** Measures the spaces, tabs and form feeds from {@code start}, the beginning of a physical line. */
        static Indent of(String text, int start) {
            int column = 0;
            int altColumn = 0;
            int i = start;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ') {
                    column++;
                    altColumn++;
                } else if (c == '\t') {
                    column = (column / TAB_SIZE + 1) * TAB_SIZE;
                    altColumn++;
                } else if (c == '\f') {
                    column = 0; // CPython: "Control-L (formfeed) ... For Emacs users"
                    altColumn = 0;
                } else {
                    break;
                }
            }
            return new Indent(column, altColumn, i);
        }
    }

    /**
     * Checks the next logical line that holds code.
     *
     * @param indent its indentation
     * @param opensBlock whether it is a block header ending in {@code :}
     * @param line the physical line it starts on
     * @return its column
     * @throws PythonSyntaxError for indentation Python refuses
     */
    int statement(Indent indent, boolean opensBlock, int line) {
        int column = indent.column();
        int altColumn = indent.altColumn();
        if (column > columns[level]) {
            if (level + 1 >= MAX_LEVELS) {
                throw new PythonSyntaxError(line, "too many levels of indentation");
            }
            if (altColumn <= altColumns[level]) {
                throw inconsistent(line);
            }
            if (blockHeaderLine == 0) {
                throw new PythonSyntaxError(line, "unexpected indent");
            }
            level++;
            columns[level] = column;
            altColumns[level] = altColumn;
        } else {
            while (level > 0 && column < columns[level]) {
                level--;
            }
            if (column != columns[level]) {
                throw new PythonSyntaxError(line, "unindent does not match any outer indentation level");
            }
            if (altColumn != altColumns[level]) {
                throw inconsistent(line);
            }
            if (blockHeaderLine > 0) {
                throw expectedBlock(line);
            }
        }
        blockHeaderLine = opensBlock ? line : 0;
        lastLine = line;
        return column;
    }

    /**
     * Checks the end of the module.
     *
     * @param line the last physical line
     * @throws PythonSyntaxError when a block header has no block
     */
    void end(int line) {
        if (blockHeaderLine > 0) {
            throw expectedBlock(Math.max(line, lastLine));
        }
    }

    private PythonSyntaxError expectedBlock(int line) {
        return new PythonSyntaxError(line, "expected an indented block after line " + blockHeaderLine);
    }

    private static PythonSyntaxError inconsistent(int line) {
        return new PythonSyntaxError(line, "inconsistent use of tabs and spaces in indentation");
    }
}
