package io.jenkins.plugins.gputrain.core.dvc.format;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Python params file as DVC's {@code _py.py} does with {@code ast.literal_eval}: module-level
 * {@code NAME = literal} and {@code NAME: T = literal}, class bodies (nested classes too) as nested mappings, with
 * {@code self.x = literal} directly in a class body or in {@code __init__} (of {@code __init__} only those); names
 * NFKC-normalised as Python reads them; anything that is not a literal ({@link PythonLiteral}) is skipped (an
 * f-string too). Statements are found as Python groups them ({@link PythonStatements}: {@code ;}, {@code \} line
 * joins, a class body on its header line). What Python 3.11 (DVC 3.67.1's) refuses to compile (an unclosed bracket
 * or string, a bad number, mixed bytes and str, an unknown prefix or escape, non-ASCII bytes, bad indentation
 * ({@link PythonIndentation}), a character no token holds, an assignment to what is no target ({@link
 * PythonTargets})) makes the whole file unreadable, as DVC's {@code ast.parse} does.
 */
final class PythonParams {
    /** A Python 3 identifier: a letter or underscore, then letters, digits, marks and connectors (non-ASCII too). */
    private static final String IDENTIFIER = "[\\p{L}\\p{Nl}_][\\p{L}\\p{Nl}\\p{Mn}\\p{Mc}\\p{Nd}\\p{Pc}]*";

    private static final Pattern CLASS = Pattern.compile("class\\s+(" + IDENTIFIER + ")\\s*(\\(.*\\))?\\s*:\\s*");
    private static final Pattern INIT = Pattern.compile("def\\s+__init__\\s*\\(.*\\)\\s*(->.*)?:\\s*", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT =
            Pattern.compile("(self\\.)?(" + IDENTIFIER + ")\\s*(?::\\s*[^=]+)?=(?!=)\\s*(.+)", Pattern.DOTALL);

    private PythonParams() {}

    /**
     * Reads the file's literals.
     *
     * @param text the source
     * @return the module's values, classes as nested dicts
     * @throws PythonSyntaxError for source Python 3.11's {@code ast.parse} refuses (as far as checked here)
     * @throws PythonLiteral.Unhashable for a set member or dict key Python cannot hash
     */
    static Value.Dict read(String text) {
        Deque<Scope> scopes = new ArrayDeque<>();
        Map<String, Object> module = new LinkedHashMap<>();
        scopes.push(new Scope(-1, module, false));
        for (PythonStatements.Statement statement : PythonStatements.of(text)) {
            int indent = statement.indent();
            String code = statement.code();
            try {
                PythonTargets.check(code);
            } catch (IllegalArgumentException e) {
                throw new PythonSyntaxError(statement.line(), e.getMessage());
            }
            while (indent <= scopes.peek().headerIndent) {
                scopes.pop();
            }
            Scope scope = scopes.peek();
            if (scope.bodyIndent < 0) {
                scope.bodyIndent = indent;
            }
            if (indent != scope.bodyIndent) {
                continue; // inside a statement DVC does not look into (if, for, def, with, …)
            }
            Matcher klass = CLASS.matcher(code);
            if (klass.matches()) {
                Map<String, Object> body = new LinkedHashMap<>();
                scope.values.put(name(klass.group(1)), body);
                scopes.push(new Scope(indent, body, false));
                continue;
            }
            if (INIT.matcher(code).matches()) {
                scopes.push(new Scope(indent, scope.values, true));
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(code);
            if (!assignment.matches() || scope.selfOnly && assignment.group(1) == null) {
                continue;
            }
            try {
                scope.values.put(
                        name(assignment.group(2)),
                        PythonLiteral.read(assignment.group(3).strip()));
            } catch (PythonLiteral.NotALiteral e) {
                // ast.literal_eval refuses it; DVC skips the name
            } catch (PythonSyntaxError e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new PythonSyntaxError(statement.line(), e.getMessage());
            }
        }
        return dict(module);
    }

    /** Python reads identifiers NFKC-normalised ({@code ﬁle} is {@code file}). */
    private static String name(String identifier) {
        return Normalizer.normalize(identifier, Normalizer.Form.NFKC);
    }

    @SuppressWarnings("unchecked")
    private static Value.Dict dict(Map<String, Object> values) {
        Map<String, Value> entries = new LinkedHashMap<>();
        values.forEach((name, value) ->
                entries.put(name, value instanceof Map<?, ?> body ? dict((Map<String, Object>) body) : (Value) value));
        return new Value.Dict(entries);
    }

    /**
     * A block whose direct statements DVC reads: the module, a class body (its names and {@code self.x}), or an
     * {@code __init__} body (only {@code self.x}, into the class).
     */
    private static final class Scope {
        final int headerIndent;
        final Map<String, Object> values;
        final boolean selfOnly;
        int bodyIndent = -1;

        Scope(int headerIndent, Map<String, Object> values, boolean selfOnly) {
            this.headerIndent = headerIndent;
            this.values = values;
            this.selfOnly = selfOnly;
        }
    }
}
