package io.jenkins.plugins.gputrain.stubs;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the signature list format of {@code ../shared/reference/jenkins-signatures.txt}: lines {@code FQN | text},
 * where a type's first line is its declaration, {@code import …;} lines name the imports its declarations need and
 * every other line is one member as declared in source (no bodies). Lines starting with {@code #} are comments.
 */
final class SignatureListReader {
    private static final Pattern ENUM_CONSTANTS =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\s*,\\s*[A-Za-z_$][A-Za-z0-9_$]*)*\\s*;?");

    private final JavaParser parser =
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW));

    /**
     * Parses signature lines.
     *
     * @param lines the lines of one or more signature files, in order
     * @return the types by fully qualified name
     * @throws IllegalArgumentException naming the line that does not parse
     */
    Map<String, ApiType> read(List<String> lines) {
        Map<String, String> declarations = new LinkedHashMap<>();
        Map<String, Map<String, String>> imports = new LinkedHashMap<>();
        Map<String, List<String>> memberLines = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int bar = line.indexOf(" | ");
            if (bar < 0) {
                throw new IllegalArgumentException("signature line without ' | ': " + line);
            }
            String fqn = line.substring(0, bar).trim();
            String text = line.substring(bar + 3).trim();
            if (!declarations.containsKey(fqn)) {
                declarations.put(fqn, text);
                imports.put(fqn, new LinkedHashMap<>());
                memberLines.put(fqn, new ArrayList<>());
            } else if (text.startsWith("import ")) {
                addImport(imports.get(fqn), text);
            } else {
                memberLines.get(fqn).add(text);
            }
        }
        Map<String, ApiType> types = new LinkedHashMap<>();
        declarations.forEach((fqn, declaration) -> {
            TypeDeclaration<?> type = parseType(fqn, declaration);
            List<ApiType.Member> members = new ArrayList<>();
            for (String memberLine : memberLines.get(fqn)) {
                for (BodyDeclaration<?> member : parseMember(fqn, type, memberLine)) {
                    members.add(new ApiType.Member(member, memberLine));
                }
            }
            types.put(fqn, new ApiType(fqn, packageOf(fqn), type, imports.get(fqn), members));
        });
        return types;
    }

    /** The package of a type name: its leading segments that start with a lower-case letter. */
    static String packageOf(String fqn) {
        String[] segments = fqn.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (String segment : segments) {
            if (!Character.isLowerCase(segment.charAt(0))) {
                break;
            }
            if (pkg.length() > 0) {
                pkg.append('.');
            }
            pkg.append(segment);
        }
        return pkg.toString();
    }

    static void addImport(Map<String, String> imports, String importLine) {
        String name = importLine.substring("import ".length()).replace(";", "").trim();
        if (name.startsWith("static ") || name.endsWith(".*")) {
            return;
        }
        imports.put(name.substring(name.lastIndexOf('.') + 1), name);
    }

    private TypeDeclaration<?> parseType(String fqn, String declaration) {
        return firstType(parse(declaration + " {}"))
                .orElseThrow(() ->
                        new IllegalArgumentException("cannot parse the declaration of " + fqn + ": " + declaration));
    }

    private List<BodyDeclaration<?>> parseMember(String fqn, TypeDeclaration<?> owner, String line) {
        if (owner.isEnumDeclaration() && ENUM_CONSTANTS.matcher(line).matches()) {
            String constants = line.endsWith(";") ? line : line + ";";
            return firstType(parse("enum W { " + constants + " }"))
                    .map(type -> List.<BodyDeclaration<?>>copyOf(((EnumDeclaration) type).getEntries()))
                    .orElseThrow(() -> unparsable(fqn, line));
        }
        String wrapper;
        if (owner.isAnnotationDeclaration()) {
            wrapper = "@interface W { %s }";
        } else if (owner.isEnumDeclaration()) {
            wrapper = "enum W { ; %s }";
        } else if (owner.isClassOrInterfaceDeclaration()
                && owner.asClassOrInterfaceDeclaration().isInterface()) {
            wrapper = "interface W { %s }";
        } else {
            wrapper = "abstract class W { %s }";
        }
        for (String candidate : List.of(line + ";", line + " {}")) {
            Optional<TypeDeclaration<?>> parsed = firstType(parse(String.format(wrapper, candidate)));
            if (parsed.isPresent() && parsed.get().getMembers().size() == 1) {
                return List.of(parsed.get().getMember(0));
            }
        }
        throw unparsable(fqn, line);
    }

    private static IllegalArgumentException unparsable(String fqn, String line) {
        return new IllegalArgumentException("cannot parse a member of " + fqn + ": " + line);
    }

    private ParseResult<CompilationUnit> parse(String source) {
        return parser.parse(source);
    }

    private static Optional<TypeDeclaration<?>> firstType(ParseResult<CompilationUnit> result) {
        if (!result.isSuccessful()) {
            return Optional.empty();
        }
        return result.getResult().flatMap(unit -> unit.getTypes().getFirst());
    }
}
