package io.jenkins.plugins.gputrain.core.dvc.format;

/**
 * Python source that CPython 3.11's {@code ast.parse} refuses ({@code SyntaxError}, {@code IndentationError},
 * {@code TabError}), with the line it names: {@code line 3: unindent does not match any outer indentation level}.
 * DVC's {@code parse_py} turns it into a {@code PythonFileCorruptedError} for the whole file.
 */
final class PythonSyntaxError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * The error.
     *
     * @param line the physical line, from 1
     * @param message what Python says, e.g. {@code unexpected indent}
     */
    PythonSyntaxError(int line, String message) {
        super("line " + line + ": " + message);
    }
}
