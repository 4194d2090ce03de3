package hudson.model.queue;

import hudson.model.ResourceActivity;
import jenkins.model.queue.ITask;

/** Compile-only stub of {@code hudson.model.queue.SubTask}. */
public interface SubTask extends ResourceActivity, ITask {}
