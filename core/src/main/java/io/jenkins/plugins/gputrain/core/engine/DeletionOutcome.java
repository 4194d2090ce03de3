package io.jenkins.plugins.gputrain.core.engine;

/** What the deletion of an object a run created (its pod, its Secret) did, as its progress line told it. */
public enum DeletionOutcome {
    /** The object was deleted. */
    DELETED,
    /** There was nothing to delete: never stored, gone already, or another's. */
    NOTHING,
    /** It could not be deleted; the line names the command that deletes it. */
    FAILED
}
