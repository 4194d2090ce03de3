package io.jenkins.plugins.gputrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Form validation and list methods are web endpoints: each must be {@code @POST} (no CSRF by link) and must check the
 * caller's permission before doing anything, and every validated form field has its method.
 */
class FormValidationSecurityTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String PERMISSION_CHECK = "Jenkins.get().checkPermission(Jenkins.ADMINISTER);";

    @Test
    void everyCheckAndFillMethodIsPostAndChecksThePermissionFirst() throws IOException {
        List<MethodDeclaration> endpoints = methods().stream()
                .filter(m -> m.getNameAsString().startsWith("doCheck")
                        || m.getNameAsString().startsWith("doFill"))
                .toList();
        assertThat(endpoints).isNotEmpty();

        for (MethodDeclaration endpoint : endpoints) {
            assertThat(endpoint.isAnnotationPresent("POST"))
                    .as("@POST on %s", endpoint.getNameAsString())
                    .isTrue();
            assertThat(firstStatementDoing(endpoint))
                    .as("first thing %s does", endpoint.getNameAsString())
                    .isEqualTo(PERMISSION_CHECK);
        }
    }

    @Test
    void everyValidatedFieldOfTheGlobalFormHasACheck() throws IOException {
        String form = Files.readString(
                Path.of("src/main/resources/io/jenkins/plugins/gputrain/GpuTrainConfiguration/config.jelly"));
        Matcher field = Pattern.compile("field=\"(\\w+)\"").matcher(form);
        List<String> checks =
                methods().stream().map(MethodDeclaration::getNameAsString).toList();
        List<String> unchecked = List.of("cloud", "dvcRemoteCredentialsId", "gpuToleration");

        while (field.find()) {
            String name = field.group(1);
            if (!unchecked.contains(name)) {
                assertThat(checks).contains("doCheck" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            }
        }
    }

    /** The first statement the method runs, following a {@code return helper(…)} into the helper. */
    private static String firstStatementDoing(MethodDeclaration method) throws IOException {
        Statement first = method.getBody().orElseThrow().getStatements().get(0);
        if (first.isReturnStmt()
                && first.asReturnStmt().getExpression().orElseThrow().isMethodCallExpr()) {
            String helper = first.asReturnStmt()
                    .getExpression()
                    .orElseThrow()
                    .asMethodCallExpr()
                    .getNameAsString();
            MethodDeclaration called = methods().stream()
                    .filter(m -> m.getNameAsString().equals(helper))
                    .findFirst()
                    .orElseThrow();
            return called.getBody().orElseThrow().getStatements().get(0).toString();
        }
        return first.toString();
    }

    private static List<MethodDeclaration> methods() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> parse(f).findAll(MethodDeclaration.class).stream())
                    .toList();
        }
    }

    private static CompilationUnit parse(Path file) {
        try {
            return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
                    .parse(file)
                    .getResult()
                    .orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
