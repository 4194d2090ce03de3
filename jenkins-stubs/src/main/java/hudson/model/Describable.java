package hudson.model;

/** Compile-only stub of {@code hudson.model.Describable}. */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
