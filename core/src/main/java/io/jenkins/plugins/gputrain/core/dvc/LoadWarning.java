package io.jenkins.plugins.gputrain.core.dvc;

import java.util.List;

/**
 * DVC's warning for files it could not read, e.g. {@code DVC failed to load some metrics for following revisions:
 * 'main, workspace'.} (DVC 3.67.1 quotes the comma-separated list once, not each revision).
 */
public final class LoadWarning {
    private LoadWarning() {}

    /**
     * The warning line.
     *
     * @param what {@code metrics}, {@code params} or {@code plots}
     * @param revisions the revisions that failed, in DVC's order
     * @return the line
     */
    public static String of(String what, List<String> revisions) {
        return "DVC failed to load some " + what + " for following revisions: '" + String.join(", ", revisions) + "'.";
    }
}
