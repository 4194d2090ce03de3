package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Compile-only stub of {@code jenkins.MasterToSlaveFileCallable}. */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {}
