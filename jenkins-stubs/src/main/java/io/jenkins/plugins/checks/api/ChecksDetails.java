package io.jenkins.plugins.checks.api;

/** Compile-only stub of {@code io.jenkins.plugins.checks.api.ChecksDetails} (checks-api plugin). */
public class ChecksDetails {
    /** Compile-only stub of {@code io.jenkins.plugins.checks.api.ChecksDetails.ChecksDetailsBuilder}. */
    public static class ChecksDetailsBuilder {
        public ChecksDetailsBuilder() {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksDetailsBuilder withName(String name) {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksDetailsBuilder withStatus(ChecksStatus status) {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksDetailsBuilder withDetailsURL(String detailsURL) {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksDetailsBuilder withConclusion(ChecksConclusion conclusion) {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksDetailsBuilder withOutput(ChecksOutput output) {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }

        public ChecksDetails build() {
            throw new UnsupportedOperationException("compile-only stub of the checks-api plugin");
        }
    }
}
