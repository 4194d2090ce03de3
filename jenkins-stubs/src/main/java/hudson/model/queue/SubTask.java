package hudson.model.queue;

import hudson.model.ResourceActivity;

/** Compile-only stub of {@code hudson.model.queue.SubTask}. */
public interface SubTask extends ResourceActivity {}
