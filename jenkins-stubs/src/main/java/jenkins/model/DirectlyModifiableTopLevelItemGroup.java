package jenkins.model;

/** Compile-only stub of {@code jenkins.model.DirectlyModifiableTopLevelItemGroup}. */
public interface DirectlyModifiableTopLevelItemGroup extends ModifiableTopLevelItemGroup {}
