package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;

/** Compile-only stub of {@code hudson.util.DescribableList}. */
public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends PersistedList<T> {
    protected DescribableList() {}
}
