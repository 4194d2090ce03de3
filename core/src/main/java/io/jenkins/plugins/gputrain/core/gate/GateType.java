package io.jenkins.plugins.gputrain.core.gate;

import java.util.Locale;

/** What a quality gate compares with its threshold: the change against the baseline, or the workspace's value. */
public enum GateType {
    /** The workspace's value minus the baseline's ({@code dvc metrics diff}'s {@code Change}). */
    CHANGE,
    /** The workspace's value. */
    VALUE;

    /** The type as written in a Jenkinsfile, CasC or a {@code --gate}: {@code change} or {@code value}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
