package jenkins.agents;

import hudson.FilePath;

/** Compile-only stub of {@code jenkins.agents.ControllerToAgentFileCallable}. */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {}
