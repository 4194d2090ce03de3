package hudson;

import java.util.AbstractList;
import jenkins.util.io.OnMaster;

/** Compile-only stub of {@code hudson.ExtensionList}. */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {
    public T get(int index) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public int size() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
