package io.jenkins.plugins.checks.api;

/** Compile-only stub of {@code io.jenkins.plugins.checks.api.ChecksOutput} (checks-api plugin). */
public class ChecksOutput {
    /** Compile-only stub of {@code io.jenkins.plugins.checks.api.ChecksOutput.ChecksOutputBuilder}. */
    public static class ChecksOutputBuilder {
        public ChecksOutputBuilder() {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksOutputBuilder withTitle(String title) {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksOutputBuilder withSummary(String summary) {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksOutputBuilder withText(String text) {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksOutput build() {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }
    }
}
