package jenkins.model.queue;

import jenkins.model.FullyNamedModelObject;

/** Compile-only stub of {@code jenkins.model.queue.ITask}. */
public interface ITask extends FullyNamedModelObject {}
