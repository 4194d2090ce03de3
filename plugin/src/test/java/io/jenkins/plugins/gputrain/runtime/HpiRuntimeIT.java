package io.jenkins.plugins.gputrain.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The Jenkins runtime rule tests, run again with gpu-train's classes and resources taken from the jars inside the
 * built {@code .hpi} ({@link HpiClassLoader}), as a Jenkins that installed it would load them.
 */
class HpiRuntimeIT {
    /** Each rule test and the real mechanism it follows (named in its Javadoc). */
    static final List<String> RULE_TESTS = List.of(
            "io.jenkins.plugins.gputrain.publish.ClassFilterRuleTest",
            "io.jenkins.plugins.gputrain.publish.ProcessLaunchRuleTest",
            "io.jenkins.plugins.gputrain.train.SharedClientRuleTest",
            "io.jenkins.plugins.gputrain.pipeline.GpuTrainGroovyTest");

    /** As root (CI), no rule test may skip itself; elsewhere those that need root (file ownership) may. */
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path unpacked;

    @Test
    void theRuleTestsPassWithTheClassesOfTheHpi() throws Exception {
        Path hpi = Path.of(System.getProperty("hpi.file"));
        List<URL> testClasses = List.of(
                Path.of("target/test-classes").toUri().toURL(),
                FixtureRepository.class.getProtectionDomain().getCodeSource().getLocation());
        try (HpiClassLoader loader = HpiClassLoader.open(hpi, unpacked, testClasses)) {
            assertThat(Path.of(loader.loadClass("io.jenkins.plugins.gputrain.publish.DvcCommands")
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()))
                    .as("gpu-train's classes come from the .hpi")
                    .isEqualTo(unpacked.resolve("WEB-INF/lib/gpu-train.jar"));
            List<String> problems = new ArrayList<>();
            for (String test : RULE_TESTS) {
                TestExecutionSummary summary = run(loader, loader.loadClass(test));
                summary.getFailures()
                        .forEach(failure -> problems.add(test + "."
                                + failure.getTestIdentifier().getDisplayName() + ": " + failure.getException()));
                long skipped = summary.getTestsSkippedCount() + (AS_ROOT ? summary.getTestsAbortedCount() : 0);
                if (summary.getTestsSucceededCount() == 0 || skipped > 0) {
                    problems.add(test + ": " + summary.getTestsSucceededCount() + " passed, "
                            + summary.getTestsAbortedCount() + " aborted, " + summary.getTestsSkippedCount()
                            + " skipped (every rule test must run and pass against the .hpi)");
                }
            }
            assertThat(problems).as("rule tests against the .hpi").isEmpty();
        }
    }

    private static TestExecutionSummary run(ClassLoader loader, Class<?> test) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(test))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            LauncherFactory.create().execute(request, listener);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return listener.getSummary();
    }
}
