package hudson.model;

import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

/** Compile-only stub of {@code hudson.model.Descriptor}. */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
    protected Descriptor() {}

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public T newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public static final class FormException extends Exception implements HttpResponse {
        public FormException(String message, String formField) {
            super(message);
        }
    }
}
