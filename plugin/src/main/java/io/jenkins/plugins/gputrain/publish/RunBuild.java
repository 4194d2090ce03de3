package io.jenkins.plugins.gputrain.publish;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.core.gate.BuildOutcome;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;

/** A Jenkins build as a publication changes it: its artifacts, its report actions, its result. */
final class RunBuild implements PublishedBuild {
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final Launcher launcher;
    private final TaskListener listener;

    RunBuild(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.launcher = launcher;
        this.listener = listener;
    }

    @Override
    public Run<?, ?> run() {
        return run;
    }

    @Override
    public String url() {
        return run.getUrl();
    }

    @Override
    public Optional<String> absoluteUrl() {
        return PullRequestChecks.buildUrl(Jenkins.get().getRootUrl(), run.getUrl());
    }

    @Override
    public void archive(Map<String, String> artifacts) throws IOException, InterruptedException {
        run.pickArtifactManager().archive(workspace, launcher, new ConsoleBuildListener(listener), artifacts);
    }

    /**
     * Not {@code addOrReplaceAction}: that removes every action of the class, so the reports of other directories
     * (jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java at jenkins-2.555). Parallel branches publish
     * at once, hence the lock.
     */
    @Override
    public boolean attach(DvcReportAction report) {
        synchronized (run) {
            DvcReportAction earlier =
                    DvcReportAction.inDirectory(run.getActions(DvcReportAction.class), report.getReportDir());
            if (earlier != null) {
                run.removeAction(earlier);
            }
            run.addAction(report);
            return earlier != null;
        }
    }

    @Override
    public void worsen(BuildOutcome outcome) {
        switch (outcome) {
            case SUCCESS -> {
                // every gate passed: the result stays
            }
            case UNSTABLE -> run.setResult(Result.UNSTABLE);
            case FAILURE -> run.setResult(Result.FAILURE);
        }
    }
}
