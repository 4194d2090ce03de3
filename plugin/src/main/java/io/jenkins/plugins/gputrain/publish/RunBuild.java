package io.jenkins.plugins.gputrain.publish;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gputrain.core.gate.BuildOutcome;
import java.io.IOException;
import java.util.List;
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
    public List<DvcReportAction> attach(DvcReportAction report) {
        synchronized (run) {
            List<DvcReportAction> before = List.copyOf(run.getActions(DvcReportAction.class));
            DvcReportAction earlier = DvcReportAction.inDirectory(before, report.getReportDir());
            if (earlier != null) {
                run.removeAction(earlier);
            }
            run.addAction(report);
            return before;
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
