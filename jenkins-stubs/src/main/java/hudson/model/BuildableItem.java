package hudson.model;

/** Compile-only stub of {@code hudson.model.BuildableItem}. */
public interface BuildableItem extends Item, Queue.Task {}
