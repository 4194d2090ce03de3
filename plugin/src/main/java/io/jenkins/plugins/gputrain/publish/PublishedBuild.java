package io.jenkins.plugins.gputrain.publish;

import hudson.model.Run;
import io.jenkins.plugins.gputrain.core.gate.BuildOutcome;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** The build as a DVC publication changes it: {@link RunBuild} for a Jenkins build; a recording one in tests. */
interface PublishedBuild {
    /** The build, for the Checks API (which finds the publisher for its SCM); {@code null} in tests. */
    Run<?, ?> run();

    /** The build's URL relative to Jenkins' root, e.g. {@code job/ml/3/}. */
    String url();

    /** The build's absolute URL, or empty when Jenkins' root URL is not configured. */
    Optional<String> absoluteUrl();

    /** Archives workspace files under their names (artifact path → workspace path). */
    void archive(Map<String, String> artifacts) throws IOException, InterruptedException;

    /**
     * Adds a report, replacing the build's report in the same directory (and no other).
     *
     * @return whether it replaced one
     */
    boolean attach(DvcReportAction report);

    /** Makes the build's result the outcome's unless it is already worse (Jenkins' {@code Run.setResult}). */
    void worsen(BuildOutcome outcome);
}
