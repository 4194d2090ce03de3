package io.jenkins.plugins.gputrain.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The core stays Jenkins-free: the plugin may use the core, never the reverse. */
class ArchitectureTest {
    static final ArchRule CORE_IS_JENKINS_FREE = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.gputrain.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "org.csanchez..")
            .because("the core must build and run without Jenkins (only Maven Central is reachable)");

    static final ArchRule CORE_DOES_NOT_USE_THE_PLUGIN = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.gputrain.core..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.jenkins.plugins.gputrain..")
                    .and(resideOutsideOfPackage("io.jenkins.plugins.gputrain.core..")))
            .because("the plugin depends on the core, never the reverse");

    @Test
    void productionClassesFollowTheRules() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.gputrain");

        CORE_IS_JENKINS_FREE.check(core);
        CORE_DOES_NOT_USE_THE_PLUGIN.check(core);
    }

    @Test
    void ruleFailsForACoreClassThatUsesJenkins() {
        JavaClasses fixture = new ClassFileImporter()
                .importClasses(
                        io.jenkins.plugins.gputrain.core.archfixture.UsesJenkins.class,
                        hudson.fixture.JenkinsType.class);

        assertThatThrownBy(() -> CORE_IS_JENKINS_FREE.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UsesJenkins")
                .hasMessageContaining("hudson.fixture.JenkinsType");
    }
}
