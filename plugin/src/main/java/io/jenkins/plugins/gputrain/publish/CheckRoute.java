package io.jenkins.plugins.gputrain.publish;

/**
 * Where one publication's pull request checks go, decided once when it starts ({@link PullRequestChecks#route}), so
 * that its in-progress check, its completed check and its report's check name agree even when checks-api is installed
 * while the build runs (Jenkins loads an optional dependency installed later; it never unloads one).
 */
enum CheckRoute {
    /** The step skips publishing checks ({@code skipPublishingChecks}). */
    SKIPPED,
    /** The checks-api plugin is not installed. */
    NO_CHECKS_API,
    /** Handed to the Checks API. */
    CHECKS_API;

    /** Whether the checks are handed to the Checks API. */
    boolean handsOver() {
        return this == CHECKS_API;
    }
}
