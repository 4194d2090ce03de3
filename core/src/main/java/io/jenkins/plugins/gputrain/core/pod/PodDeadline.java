package io.jenkins.plugins.gputrain.core.pod;

import java.time.Duration;

/**
 * The {@code activeDeadlineSeconds} of a pod whose command has a timeout, for the CLI's {@code --timeout} and the
 * freestyle step's {@code timeout} alike: the timeout plus {@link #MARGIN}. The kubelet counts the deadline from the
 * pod's {@code status.startTime} ({@code pkg/kubelet/active_deadline.go} pastActiveDeadline), before the image pull
 * and the workspace copy into the pod, so a deadline equal to the command's timeout would stop the pod before the
 * command's own timeout could, and the results would never be copied back.
 */
public final class PodDeadline {
    /** Added to the command's timeout: the image pull and the copies into and out of the pod count too. */
    public static final Duration MARGIN = Duration.ofMinutes(30);

    private PodDeadline() {}

    /**
     * The pod's deadline.
     *
     * @param commandTimeout how long the command may run
     * @return how long the pod may run
     */
    public static Duration forCommand(Duration commandTimeout) {
        return commandTimeout.plus(MARGIN);
    }
}
