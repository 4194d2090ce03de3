package hudson.util;

import java.util.AbstractList;
import java.util.List;

/** Compile-only stub of {@code hudson.util.PersistedList}. */
public class PersistedList<T> extends AbstractList<T> {
    protected PersistedList() {}

    public T get(int index) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public int size() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public <U extends T> List<U> getAll(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
