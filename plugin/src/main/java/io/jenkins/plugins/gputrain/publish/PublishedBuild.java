package io.jenkins.plugins.gputrain.publish;

import hudson.model.Run;
import io.jenkins.plugins.gputrain.core.gate.BuildOutcome;
import java.io.IOException;
import java.util.List;
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
     * Adds a report, replacing the build's report in the same directory (and no other), in one step with other
     * publications of the build.
     *
     * @return the build's reports just before this one was added
     */
    List<DvcReportAction> attach(DvcReportAction report);

    /** Makes the build's result the outcome's unless it is already worse (Jenkins' {@code Run.setResult}). */
    void worsen(BuildOutcome outcome);
}
