package io.jenkins.plugins.gputrain.stubs;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the stub sources into the same shape as the signature list. */
final class StubSourceReader {
    private final JavaParser parser =
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    /**
     * Reads every {@code .java} file below a source root.
     *
     * @param sourceRoot the stubs' {@code src/main/java}
     * @return the stub types by fully qualified name
     */
    Map<String, ApiType> read(Path sourceRoot) {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stub sources below " + sourceRoot, e);
        }
        return read(sources);
    }

    /**
     * Reads stub compilation units given as text.
     *
     * @param sources Java compilation units
     * @return the types by fully qualified name
     */
    Map<String, ApiType> read(List<String> sources) {
        Map<String, ApiType> types = new LinkedHashMap<>();
        for (String source : sources) {
            ParseResult<CompilationUnit> result = parser.parse(source);
            CompilationUnit unit = result.getResult()
                    .filter(u -> result.isSuccessful())
                    .orElseThrow(() -> new IllegalArgumentException("stub does not parse: " + result.getProblems()));
            String pkg =
                    unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            Map<String, String> imports = new LinkedHashMap<>();
            for (ImportDeclaration declaration : unit.getImports()) {
                if (!declaration.isStatic() && !declaration.isAsterisk()) {
                    imports.put(declaration.getName().getIdentifier(), declaration.getNameAsString());
                }
            }
            for (TypeDeclaration<?> type : unit.getTypes()) {
                addType(
                        types,
                        pkg,
                        pkg.isEmpty() ? type.getNameAsString() : pkg + "." + type.getNameAsString(),
                        type,
                        imports);
            }
        }
        return types;
    }

    private static void addType(
            Map<String, ApiType> types, String pkg, String fqn, TypeDeclaration<?> type, Map<String, String> imports) {
        List<ApiType.Member> members = new ArrayList<>();
        if (type.isEnumDeclaration()) {
            type.asEnumDeclaration().getEntries().forEach(e -> members.add(new ApiType.Member(e, e.getNameAsString())));
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                addType(types, pkg, fqn + "." + nested.getNameAsString(), nested, imports);
            } else {
                members.add(new ApiType.Member(member, describe(member)));
            }
        }
        types.put(fqn, new ApiType(fqn, pkg, type, imports, members));
    }

    /** The member as declared, without comments, bodies and annotations other than {@code @Deprecated}. */
    private static String describe(BodyDeclaration<?> member) {
        BodyDeclaration<?> copy = member.clone();
        copy.removeComment();
        copy.getAnnotations().removeIf(a -> !a.getNameAsString().endsWith("Deprecated"));
        String text = copy.toString();
        int body = text.indexOf('{');
        if (body >= 0 && copy instanceof CallableDeclaration<?>) {
            text = text.substring(0, body);
        }
        return text.replaceAll("\\s+", " ").replaceAll(";$", "").trim();
    }
}
