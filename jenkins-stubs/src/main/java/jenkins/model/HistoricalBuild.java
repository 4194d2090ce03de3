package jenkins.model;

import hudson.model.ModelObject;

/** Compile-only stub of {@code jenkins.model.HistoricalBuild}. */
public interface HistoricalBuild extends ModelObject {}
