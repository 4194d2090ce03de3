package hudson.model;

import java.util.List;
import jenkins.model.ModelObjectWithContextMenu;

/** Compile-only stub of {@code hudson.model.Actionable}. */
public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public boolean removeAction(Action a) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
