package io.jenkins.plugins.gputrain.publish;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.gputrain.core.report.PullRequestCheck;

/**
 * The one class that uses the checks-api plugin: hands a {@link PullRequestCheck} (in progress, or completed with
 * its conclusion; its report page as the details URL, when it has one) to the publisher checks-api finds for the build (GitHub, GitLab, Bitbucket…; checks-api itself
 * says when there is none). Reached only through {@link PullRequestChecks} once checks-api's classes are known to be
 * there.
 */
final class ChecksApiPublisher {
    private ChecksApiPublisher() {}

    static void publish(Run<?, ?> run, TaskListener listener, PullRequestCheck check) {
        ChecksOutput.ChecksOutputBuilder output =
                new ChecksOutput.ChecksOutputBuilder().withTitle(check.title()).withSummary(check.summary());
        if (!check.text().isEmpty()) {
            output.withText(check.text());
        }
        // A local, not a method returning ChecksConclusion: a method signature naming a checks-api type would not link
        // without checks-api (Class.getDeclaredMethods resolves it; ChecksApiAbsentIT).
        ChecksConclusion conclusion =
                switch (check.state()) {
                    case IN_PROGRESS -> ChecksConclusion.NONE; // checks-api's default while in progress
                    case SUCCESS -> ChecksConclusion.SUCCESS;
                    case FAILURE -> ChecksConclusion.FAILURE;
                    case CANCELED -> ChecksConclusion.CANCELED;
                };
        ChecksDetails.ChecksDetailsBuilder details = new ChecksDetails.ChecksDetailsBuilder()
                .withName(check.name())
                .withStatus(check.state().completed() ? ChecksStatus.COMPLETED : ChecksStatus.IN_PROGRESS)
                .withConclusion(conclusion)
                .withOutput(output.build());
        check.optionalDetailsUrl().ifPresent(details::withDetailsURL);
        ChecksPublisherFactory.fromRun(run, listener).publish(details.build());
    }
}
