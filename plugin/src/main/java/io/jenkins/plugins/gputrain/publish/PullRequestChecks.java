package io.jenkins.plugins.gputrain.publish;

import static io.jenkins.plugins.gputrain.ConsolePrefix.PREFIX;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.report.PullRequestCheck;

/**
 * Publishes a build's {@link PullRequestCheck} through the checks-api plugin when it is installed; without it, says
 * once that no check was published. checks-api is an optional dependency
 * ({@code checks-api:…;resolution:=optional}): this class never names its types, only {@link ChecksApiPublisher}
 * does, and that class is loaded only after the plugin's classes were found through gpu-train's own class loader
 * (Jenkins' plugin class loader sees an optional dependency exactly when that plugin is installed and enabled).
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

    /** Whether the checks-api plugin's classes can be loaded. */
    boolean available() {
        try {
            Class.forName(CHECKS_API_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Hands the check to the Checks API, or prints one line saying why there is none. The console line after the
     * handover claims no more than that: checks-api may have found no publisher for the build's SCM (it says so
     * itself) or its publisher may have failed and only logged it.
     *
     * @param run the build
     * @param listener its console
     * @param check what the check shows
     */
    void publish(Run<?, ?> run, TaskListener listener, PullRequestCheck check) {
        if (available()) {
            handover.handOver(run, listener, check);
            listener.getLogger().println(PREFIX + Messages.PullRequestChecks_HandedOver(check.name(), check.title()));
        } else {
            listener.getLogger().println(PREFIX + Messages.PullRequestChecks_NotInstalled(check.name()));
        }
    }

    /** The real handover; names {@link ChecksApiPublisher} only inside its method, so it loads on first use. */
    private static final class ViaChecksApi implements Handover {
        @Override
        public void handOver(Run<?, ?> run, TaskListener listener, PullRequestCheck check) {
            ChecksApiPublisher.publish(run, listener, check);
        }
    }
}
