package jenkins.model;

/** Compile-only stub of {@code jenkins.model.HistoricalBuild}. */
public interface HistoricalBuild extends FullyNamedModelObject {}
