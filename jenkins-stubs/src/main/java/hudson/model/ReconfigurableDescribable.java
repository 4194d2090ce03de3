package hudson.model;

/** Compile-only stub of {@code hudson.model.ReconfigurableDescribable}. */
public interface ReconfigurableDescribable<T extends ReconfigurableDescribable<T>> extends Describable<T> {}
