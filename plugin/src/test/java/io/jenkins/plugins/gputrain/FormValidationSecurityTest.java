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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Form validation and list methods are web endpoints: each must be {@code @POST} (no CSRF by link) and must check the
 * caller's permission before doing anything — a check refuses (access denied), a list is empty (credentials-plugin's
 * documentation, "Providing a UI for selecting credentials") — and every validated form field has its method.
 */
class FormValidationSecurityTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources/io/jenkins/plugins/gputrain");
    private static final Path PACKAGE = Path.of("io/jenkins/plugins/gputrain");
    private static final Pattern ENTRY = Pattern.compile("field=\"(\\w+)\"[^>]*>\\s*<f:(\\w+)");

    /** Outside a job: administrators only. */
    private static final String PERMISSION_CHECK = "Jenkins.get().checkPermission(Jenkins.ADMINISTER);";

    /** In a job's configuration: whoever may configure the job; outside one, administrators only. */
    private static final String JOB_PERMISSION_CHECK =
            "if (item == null) { Jenkins.get().checkPermission(Jenkins.ADMINISTER); }"
                    + " else { item.checkPermission(Item.CONFIGURE); }";

    /** A list outside a job: empty unless an administrator asks. */
    private static final String LIST_PERMISSION =
            "if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) { return new ListBoxModel(); }";

    /** A list in a job's configuration: empty unless whoever asks may configure the job. */
    private static final String JOB_LIST_PERMISSION =
            "if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER)"
                    + " : !item.hasPermission(Item.CONFIGURE)) { return new ListBoxModel(); }";

    @Test
    void everyCheckMethodIsPostAndRefusesAUserWithoutPermissionFirst() throws IOException {
        assertPostAndFirstDoing("doCheck", PERMISSION_CHECK, JOB_PERMISSION_CHECK);
    }

    @Test
    void everyFillMethodIsPostAndListsNothingForAUserWithoutPermissionFirst() throws IOException {
        assertPostAndFirstDoing("doFill", LIST_PERMISSION, JOB_LIST_PERMISSION);
    }

    /** Every endpoint of that prefix is {@code @POST} and starts with one of the permission statements. */
    private static void assertPostAndFirstDoing(String prefix, String... permissionStatements) throws IOException {
        List<MethodDeclaration> endpoints = methods().stream()
                .filter(m -> m.getNameAsString().startsWith(prefix))
                .toList();
        assertThat(endpoints).isNotEmpty();

        for (MethodDeclaration endpoint : endpoints) {
            assertThat(endpoint.isAnnotationPresent("POST"))
                    .as("@POST on %s", endpoint.getNameAsString())
                    .isTrue();
            assertThat(firstStatementDoing(endpoint).replaceAll("\\s+", " "))
                    .as("first thing %s does", endpoint.getNameAsString())
                    .isIn((Object[]) permissionStatements);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "GpuTrainConfiguration, GpuTrainConfiguration/config.jelly, ''",
        "train/GpuTrainBuilder, train/GpuTrainBuilder/config.jelly, command",
        "publish/MetricQualityGate, publish/MetricQualityGate/config.jelly, ''"
    })
    void everyFieldOfAFormHasItsCheckOrItsList(String owner, String form, String unchecked) throws IOException {
        String jelly = Files.readString(RESOURCES.resolve(form));
        List<String> methods = methodsOf(SOURCES.resolve(PACKAGE).resolve(owner + ".java")).stream()
                .map(MethodDeclaration::getNameAsString)
                .toList();
        Matcher entry = ENTRY.matcher(jelly);
        int fields = 0;

        while (entry.find()) {
            fields++;
            String name = entry.group(1);
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            if (entry.group(2).equals("checkbox")) {
                // true or false: nothing to check
                continue;
            }
            if (entry.group(2).equals("repeatableProperty")) {
                // a list of describables, each checked by its own descriptor (MetricQualityGate's row)
                continue;
            }
            if (entry.group(2).equals("select")) {
                assertThat(methods).as("list for the drop-down %s", name).contains("doFill" + capitalised + "Items");
            } else if (!name.equals(unchecked)) {
                assertThat(methods).as("check for %s", name).contains("doCheck" + capitalised);
            }
        }
        assertThat(fields).isPositive();
    }

    /** The first statement the method runs, following a {@code return helper(…)} into the helper of its own source. */
    private static String firstStatementDoing(MethodDeclaration method) throws IOException {
        Statement first = method.getBody().orElseThrow().getStatements().get(0);
        if (first.isReturnStmt()
                && first.asReturnStmt().getExpression().orElseThrow().isMethodCallExpr()) {
            String helper = first.asReturnStmt()
                    .getExpression()
                    .orElseThrow()
                    .asMethodCallExpr()
                    .getNameAsString();
            MethodDeclaration called =
                    method.findCompilationUnit().orElseThrow().findAll(MethodDeclaration.class).stream()
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
                    .flatMap(f -> methodsOf(f).stream())
                    .toList();
        }
    }

    private static List<MethodDeclaration> methodsOf(Path file) {
        return parse(file).findAll(MethodDeclaration.class);
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
