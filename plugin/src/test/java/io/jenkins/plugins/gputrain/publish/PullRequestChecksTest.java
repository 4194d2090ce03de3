package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.core.report.PullRequestCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional checks-api dependency: found through gpu-train's class loader, or one console line without it. */
class PullRequestChecksTest {
    private static final PullRequestCheck CHECK =
            new PullRequestCheck("DVC metrics", "acc 0.5 → 0.75 (+0.25)", "## Metrics\n", "[DVC report](x)\n", true);

    @Test
    void withoutChecksApiNoCheckIsPublishedAndTheConsoleSaysSoOnce() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream logger = new PrintStream(console, true, StandardCharsets.UTF_8);
        TaskListener listener = () -> logger;
        PullRequestChecks checks = new PullRequestChecks(new WithoutChecksApi());

        assertThat(checks.available()).isFalse();
        checks.publish(null, listener, CHECK);

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("[gpu-train] no check 'DVC metrics' published: the Checks API plugin (checks-api) is not"
                        + " installed\n");
    }

    @Test
    void withChecksApiTheConsoleSaysTheCheckWasHandedOverNotThatItWasPublished() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream logger = new PrintStream(console, true, StandardCharsets.UTF_8);
        TaskListener listener = () -> logger;
        List<PullRequestCheck> handedOver = new ArrayList<>();
        PullRequestChecks checks = new PullRequestChecks(
                PullRequestChecksTest.class.getClassLoader(), (run, l, check) -> handedOver.add(check));

        checks.publish(null, listener, CHECK);

        assertThat(handedOver).containsExactly(CHECK);
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("[gpu-train] check 'DVC metrics' handed to the Checks API: acc 0.5 → 0.75 (+0.25)\n")
                .doesNotContain("published");
    }

    @Test
    void withChecksApiItsClassesAreFound() {
        // the compile-only stubs of checks-api are on the test class path, as the real plugin would be
        assertThat(new PullRequestChecks().available()).isTrue();
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
