package hudson.model;

/** Compile-only stub of {@code hudson.model.AbstractDescribableImpl}. */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {}
