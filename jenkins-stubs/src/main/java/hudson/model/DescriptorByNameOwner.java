package hudson.model;

/** Compile-only stub of {@code hudson.model.DescriptorByNameOwner}. */
public interface DescriptorByNameOwner extends ModelObject {}
