package io.jenkins.plugins.gputrain.publish;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.report.PullRequestCheck;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Publishes a build's {@link PullRequestCheck} through the checks-api plugin when it is installed and the step does not
 * skip it; otherwise says once that no check was published. Publishing the check never fails the build: what the
 * Checks API (or the mapping to its types) throws becomes one console line, and the report and gates stand.
 * checks-api is an optional dependency ({@code checks-api:…;resolution:=optional}): this class never names its types,
 * only {@link ChecksApiPublisher} does, and that class is loaded only after the plugin's classes were found through
 * gpu-train's own class loader (Jenkins' plugin class loader sees an optional dependency exactly when that plugin is
 * installed and enabled).
 */
final class PullRequestChecks {
    /** A checks-api class; present exactly when the plugin is. */
    static final String CHECKS_API_CLASS = "io.jenkins.plugins.checks.api.ChecksPublisherFactory";

    private final ClassLoader loader;
    private final Handover handover;

    /** Hands a check to the Checks API; checks-api, not gpu-train, knows whether an SCM publisher took it. */
    interface Handover {
        void handOver(Run<?, ?> run, TaskListener listener, PullRequestCheck check);
    }

    /** Looks for checks-api where gpu-train's classes come from. */
    PullRequestChecks() {
        this(PullRequestChecks.class.getClassLoader());
    }

    /** Looks for checks-api through another class loader (tests). */
    PullRequestChecks(ClassLoader loader) {
        this(loader, new ViaChecksApi());
    }

    /** Looks for checks-api through another class loader and hands checks to {@code handover} (tests). */
    PullRequestChecks(ClassLoader loader, Handover handover) {
        this.loader = loader;
        this.handover = handover;
    }

    /**
     * Where a publication's checks go; asked once per publication, which passes the answer on to {@link #start} and
     * {@link #publish}.
     *
     * @param skip whether the step skips publishing checks ({@code skipPublishingChecks})
     * @return skipped, without checks-api, or to the Checks API
     */
    CheckRoute route(boolean skip) {
        if (skip) {
            return CheckRoute.SKIPPED;
        }
        return available() ? CheckRoute.CHECKS_API : CheckRoute.NO_CHECKS_API;
    }

    /** Whether the checks-api plugin's classes can be loaded. */
    private boolean available() {
        try {
            Class.forName(CHECKS_API_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The build's absolute URL, as warnings-ng and checks-api make theirs: Jenkins' root URL (the configured Jenkins
     * URL, {@code Jenkins.getRootUrl()}, which ends in {@code /}) followed by the run's URL ({@code job/…/3/}).
     *
     * @param rootUrl Jenkins' root URL, {@code null} when it is not configured
     * @param runUrl the run's URL, relative to the root
     * @return the absolute URL, or empty without a root URL
     */
    static Optional<String> buildUrl(String rootUrl, String runUrl) {
        if (rootUrl == null || rootUrl.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(rootUrl.endsWith("/") ? rootUrl + runUrl : rootUrl + "/" + runUrl);
    }

    /**
     * Hands the in-progress check to the Checks API, so that the pull request shows it while publishing runs. Says
     * nothing unless that fails: without checks-api, or when skipped, the completed check's {@link #publish} says so.
     *
     * @param run the build
     * @param listener its console
     * @param name the check's name
     * @param route the publication's {@link #route}
     */
    void start(Run<?, ?> run, TaskListener listener, String name, CheckRoute route) {
        if (route.handsOver()) {
            handOver(run, listener, PullRequestCheck.inProgress(name));
        }
    }

    /**
     * Hands the check to the Checks API, or prints one line saying why there is none. The console line after the
     * handover claims no more than that: checks-api may have found no publisher for the build's SCM (it says so
     * itself) or its publisher may have failed and only logged it. A check without links (no root URL) says so once.
     *
     * @param run the build
     * @param listener its console
     * @param check what the check shows
     * @param route the publication's {@link #route}, the one its {@link #start} had
     */
    void publish(Run<?, ?> run, TaskListener listener, PullRequestCheck check, CheckRoute route) {
        PrintStream console = listener.getLogger();
        if (route == CheckRoute.SKIPPED) {
            console.println(PREFIX + Messages.PullRequestChecks_Skipped(check.name()));
        } else if (route == CheckRoute.NO_CHECKS_API) {
            console.println(PREFIX + Messages.PullRequestChecks_NotInstalled(check.name()));
        } else {
            if (check.optionalDetailsUrl().isEmpty() && !check.text().isEmpty()) {
                console.println(PREFIX + Messages.PullRequestChecks_NoRootUrl(check.name()));
            }
            if (handOver(run, listener, check)) {
                console.println(PREFIX + Messages.PullRequestChecks_HandedOver(check.name(), check.title()));
            }
        }
    }

    /** Hands over; what that throws is one console line, never a failed build. */
    private boolean handOver(Run<?, ?> run, TaskListener listener, PullRequestCheck check) {
        try {
            handover.handOver(run, listener, check);
            return true;
        } catch (RuntimeException | LinkageError e) {
            listener.getLogger().println(PREFIX + Messages.PullRequestChecks_NotPublished(check.name(), reason(e)));
            return false;
        }
    }

    /** The failure's message on one line, or its type when it has none. */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? failure.getClass().getName()
                : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The real handover; names {@link ChecksApiPublisher} only inside its method, so it loads on first use. */
    private static final class ViaChecksApi implements Handover {
        @Override
        public void handOver(Run<?, ?> run, TaskListener listener, PullRequestCheck check) {
            ChecksApiPublisher.publish(run, listener, check);
        }
    }
}
