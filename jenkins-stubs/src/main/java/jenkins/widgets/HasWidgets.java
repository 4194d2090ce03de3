package jenkins.widgets;

/** Compile-only stub of {@code jenkins.widgets.HasWidgets}. */
public interface HasWidgets {}
