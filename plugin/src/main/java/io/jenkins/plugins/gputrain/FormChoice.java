package io.jenkins.plugins.gputrain;

/**
 * One entry of a drop-down list on a form.
 *
 * @param label what the user reads
 * @param value what is saved
 */
public record FormChoice(String label, String value) {}
