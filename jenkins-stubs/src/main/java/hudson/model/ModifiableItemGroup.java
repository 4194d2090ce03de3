package hudson.model;

/** Compile-only stub of {@code hudson.model.ModifiableItemGroup}. */
public interface ModifiableItemGroup<T extends Item> extends ItemGroup<T> {}
