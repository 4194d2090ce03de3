package io.jenkins.plugins.gputrain.core.yaml;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML that users or their repositories supply, within bounds: plain data only (maps, lists, scalars; no
 * object construction), no duplicate keys, at most {@value #MAX_ALIASES} aliases, nesting at most
 * {@value #MAX_DEPTH} deep and at most {@value #MAX_CODE_POINTS} code points, so a hostile file cannot exhaust
 * memory ("billion laughs") or the stack.
 */
public final class BoundedYaml {
    /** Most aliases a document may use for collections. */
    public static final int MAX_ALIASES = 50;

    /** Deepest nesting of collections. */
    public static final int MAX_DEPTH = 64;

    /** Largest document, in code points. */
    public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    private BoundedYaml() {}

    /**
     * Reads one YAML document.
     *
     * @param field the field or file the YAML came from, for messages
     * @param text the document
     * @return maps, lists and scalars; {@code null} for an empty document
     * @throws InvalidSpecException naming the field, the problem and its line when the YAML is malformed or out of
     *     bounds
     */
    public static Object read(String field, String text) {
        if (text != null && text.length() > MAX_CODE_POINTS) {
            throw new InvalidSpecException(
                    field,
                    firstLine(text),
                    "document is larger than " + MAX_CODE_POINTS + " code points",
                    "well-formed YAML");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException | StackOverflowError e) {
            throw new InvalidSpecException(field, firstLine(text), describe(e), "well-formed YAML");
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String problem = marked.getProblem() == null ? "malformed YAML" : marked.getProblem();
            return problem + " at line " + (marked.getProblemMark().getLine() + 1) + ", column "
                    + (marked.getProblemMark().getColumn() + 1);
        }
        if (e instanceof StackOverflowError) {
            return "nested too deeply";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
