package io.jenkins.plugins.gputrain.core.gate;

import java.util.Locale;

/** What a failed quality gate does to the build: marks it unstable, or fails it. */
public enum Criticality {
    /** A failed gate marks the build unstable ({@link GateStatus#WARNING}). */
    UNSTABLE,
    /** A failed gate fails the build ({@link GateStatus#FAILED}). */
    FAILURE;

    /** The criticality as written in a Jenkinsfile, CasC or a {@code --gate}: {@code unstable} or {@code failure}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a gate of this criticality that is not met. */
    public GateStatus failedStatus() {
        return this == UNSTABLE ? GateStatus.WARNING : GateStatus.FAILED;
    }
}
