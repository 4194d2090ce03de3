package jenkins.tasks;

import hudson.model.Action;
import hudson.tasks.BuildStep;
import java.util.Collection;

/** Compile-only stub of {@code jenkins.tasks.SimpleBuildStep}. */
public interface SimpleBuildStep extends BuildStep {
    /** Compile-only stub of {@code jenkins.tasks.SimpleBuildStep.LastBuildAction}. */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
