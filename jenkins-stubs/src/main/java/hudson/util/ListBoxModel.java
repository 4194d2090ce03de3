package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** Compile-only stub of {@code hudson.util.ListBoxModel}. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    public ListBoxModel() {}

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    /** Compile-only stub of {@code hudson.util.ListBoxModel.Option}. */
    public static final class Option {
        public Option(String name, String value) {}
    }
}
