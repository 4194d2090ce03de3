package jenkins.model;

/** Compile-only stub of {@code jenkins.model.Named}. */
public interface Named {}
