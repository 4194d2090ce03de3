package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.core.report.CheckState;
import io.jenkins.plugins.gputrain.core.report.PullRequestCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optional checks-api dependency: found through gpu-train's class loader, or one console line without it; skipped
 * on request; a failure of the Checks API one console line, not a failed build; absolute links or none.
 */
class PullRequestChecksTest {
    private static final String REPORT_PAGE = "https://ci.example.com/job/ml/3/dvc-report/";
    private static final PullRequestCheck CHECK = new PullRequestCheck(
            "DVC metrics",
            "acc 0.5 → 0.75 (+0.25)",
            "## Metrics\n",
            "[DVC report](x)\n",
            REPORT_PAGE,
            CheckState.SUCCESS);

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream logger = new PrintStream(console, true, StandardCharsets.UTF_8);
    private final TaskListener listener = () -> logger;

    @Test
    void withoutChecksApiNoCheckIsPublishedAndTheConsoleSaysSoOnce() {
        PullRequestChecks checks = new PullRequestChecks(new WithoutChecksApi());

        assertThat(checks.route(false)).isEqualTo(CheckRoute.NO_CHECKS_API);
        checks.publish(null, listener, CHECK, checks.route(false));

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("[gpu-train] no check 'DVC metrics' published: the Checks API plugin (checks-api) is not"
                        + " installed\n");
    }

    @Test
    void withChecksApiTheConsoleSaysTheCheckWasHandedOverNotThatItWasPublished() {
        List<PullRequestCheck> handedOver = new ArrayList<>();
        PullRequestChecks checks = new PullRequestChecks(
                PullRequestChecksTest.class.getClassLoader(), (run, l, check) -> handedOver.add(check));

        checks.publish(null, listener, CHECK, checks.route(false));

        assertThat(handedOver).containsExactly(CHECK);
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("[gpu-train] check 'DVC metrics' handed to the Checks API: acc 0.5 → 0.75 (+0.25)\n")
                .doesNotContain("published");
    }

    @Test
    void skipPublishingChecksHandsNothingOverAndSaysSo() {
        List<PullRequestCheck> handedOver = new ArrayList<>();
        PullRequestChecks checks = new PullRequestChecks(
                PullRequestChecksTest.class.getClassLoader(), (run, l, check) -> handedOver.add(check));

        checks.publish(null, listener, CHECK, checks.route(true));

        assertThat(handedOver).isEmpty();
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("[gpu-train] no check 'DVC metrics' published: skipPublishingChecks is set\n");
    }

    @Test
    void whatTheChecksApiThrowsIsOneConsoleLineAndTheStepGoesOn() {
        PullRequestChecks checks = new PullRequestChecks(PullRequestChecksTest.class.getClassLoader(), (run, l, c) -> {
            throw new IllegalStateException("GitHub App credentials\n  rejected: 401");
        });
        PullRequestChecks mappingFails =
                new PullRequestChecks(PullRequestChecksTest.class.getClassLoader(), (r, l, c) -> {
                    throw new NullPointerException();
                });

        checks.publish(null, listener, CHECK, CheckRoute.CHECKS_API);
        mappingFails.publish(null, listener, CHECK, CheckRoute.CHECKS_API);

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("[gpu-train] DVC metrics check not published: GitHub App credentials rejected: 401\n"
                        + "[gpu-train] DVC metrics check not published: java.lang.NullPointerException\n");
    }

    @Test
    void aCheckWithoutLinksSaysOnceThatJenkinsDoesNotKnowItsUrl() {
        PullRequestCheck unlinked = new PullRequestCheck(
                "DVC metrics", CHECK.title(), CHECK.summary(), "DVC report of this build\n", "", CheckState.SUCCESS);
        PullRequestChecks checks =
                new PullRequestChecks(PullRequestChecksTest.class.getClassLoader(), (run, l, check) -> {});

        checks.publish(null, listener, unlinked, checks.route(false));

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("[gpu-train] check 'DVC metrics' without links: Jenkins' root URL is not configured"
                        + " (expected the Jenkins URL on Manage Jenkins → System)\n"
                        + "[gpu-train] check 'DVC metrics' handed to the Checks API: acc 0.5 → 0.75 (+0.25)\n");
    }

    @Test
    void theBuildsAbsoluteUrlIsTheRootUrlAndTheRunsUrl() {
        assertThat(PullRequestChecks.buildUrl("https://ci.example.com/", "job/ml/3/"))
                .contains("https://ci.example.com/job/ml/3/");
        assertThat(PullRequestChecks.buildUrl("https://ci.example.com/jenkins", "job/ml/3/"))
                .contains("https://ci.example.com/jenkins/job/ml/3/");
        assertThat(PullRequestChecks.buildUrl(null, "job/ml/3/")).isEmpty();
        assertThat(PullRequestChecks.buildUrl(" ", "job/ml/3/")).isEmpty();
    }

    @Test
    void withChecksApiItsClassesAreFound() {
        // the compile-only stubs of checks-api are on the test class path, as the real plugin would be
        assertThat(new PullRequestChecks().route(false)).isEqualTo(CheckRoute.CHECKS_API);
        assertThat(new PullRequestChecks().route(true)).isEqualTo(CheckRoute.SKIPPED);
    }

    /** A class loader without the checks-api plugin, as Jenkins' plugin class loader is when it is not installed. */
    static final class WithoutChecksApi extends ClassLoader {
        WithoutChecksApi() {
            super(PullRequestChecksTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.jenkins.plugins.checks.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
