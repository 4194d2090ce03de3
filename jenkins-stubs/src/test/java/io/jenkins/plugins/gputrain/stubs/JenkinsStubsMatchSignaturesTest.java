package io.jenkins.plugins.gputrain.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real stubs of this module against the real signature list. */
class JenkinsStubsMatchSignaturesTest {
    private static final String SIGNATURES = "/jenkins-signatures.txt";
    private static final String SUPPLEMENT = "/supplement-signatures.txt";

    @Test
    void everyStubTypeAndMemberIsDeclaredAsInTheRealApi() throws IOException {
        List<String> lines = new ArrayList<>(resourceLines(SIGNATURES));
        lines.addAll(resourceLines(SUPPLEMENT));
        Map<String, ApiType> reference = new SignatureListReader().read(lines);
        Map<String, ApiType> stubs = new StubSourceReader().read(Path.of(System.getProperty("stubs.sources")));

        assertThat(stubs).containsKeys("hudson.Extension", "org.jenkinsci.Symbol", "jenkins.model.GlobalConfiguration");
        assertThat(new StubSignatureChecker(reference).check(stubs)).isEmpty();
    }

    /**
     * Members of classes the shared list trims to "plugin-relevant members" (jenkins-api.md §3.0) that a stub needs
     * anyway, each read from the real source (named in the supplement): the constructors subclasses call, and the
     * methods a concrete class must implement (with the import they need).
     */
    private static final Set<String> TRIMMED_MEMBERS = Set.of(
            "hudson.model.AbstractProject | protected AbstractProject(ItemGroup parent, String name)",
            "hudson.model.AbstractBuild | protected AbstractBuild(P job) throws IOException",
            "jenkins.model.Jenkins | public void load() throws IOException",
            "jenkins.model.Jenkins | public synchronized void save() throws IOException",
            "hudson.security.PermissionGroup | import java.util.Iterator;",
            "hudson.security.PermissionGroup | public Iterator<Permission> iterator()",
            "hudson.security.PermissionGroup | public int compareTo(PermissionGroup that)");

    @Test
    void supplementOnlyAddsTypesTheSharedListLacksAndKnownMembersOfTrimmedClasses() throws IOException {
        Map<String, ApiType> shared = new SignatureListReader().read(resourceLines(SIGNATURES));
        List<String> supplement = resourceLines(SUPPLEMENT).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        List<String> newTypeLines = supplement.stream()
                .filter(line -> !shared.containsKey(fqn(line)))
                .toList();

        assertThat(new SignatureListReader().read(newTypeLines)).isNotEmpty();
        assertThat(supplement.stream().filter(line -> shared.containsKey(fqn(line))))
                .allMatch(TRIMMED_MEMBERS::contains);
    }

    private static String fqn(String line) {
        return line.substring(0, line.indexOf(" | ")).trim();
    }

    @Test
    void vendoredSignatureListIsTheSharedReference() throws IOException {
        Path shared = Path.of(System.getProperty("signatures.shared", "../shared/reference/jenkins-signatures.txt"));
        Assumptions.assumeTrue(Files.isRegularFile(shared), () -> "no shared reference at " + shared);

        assertThat(resourceLines(SIGNATURES)).isEqualTo(Files.readAllLines(shared, StandardCharsets.UTF_8));
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = JenkinsStubsMatchSignaturesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
