package jenkins.console;

/** Compile-only stub of {@code jenkins.console.WithConsoleUrl}. */
public interface WithConsoleUrl {}
