package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;
import jenkins.model.FullyNamedModelObject;

/** Compile-only stub of {@code hudson.model.Queue}. */
public class Queue extends ResourceController implements Saveable {
    public void save() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    /** Compile-only stub of {@code hudson.model.Queue.Executable}. */
    public interface Executable extends Runnable, WithConsoleUrl {}

    /** Compile-only stub of {@code hudson.model.Queue.Task}. */
    public interface Task extends FullyNamedModelObject, SubTask {}
}
