package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Runs {@code sh -c SCRIPT} in the training container, in its working directory (the workspace): what the workspace
 * transfer needs from an exec. {@link PodShell} is the real one; tests run the scripts in a local directory, as
 * kwok's exec simulation does.
 */
interface ContainerShell {
    /**
     * Runs a script and closes the exec.
     *
     * @param script the shell script; its paths are relative to the working directory
     * @param input bytes written to its standard input, or {@code null} for none
     * @param stdout receives its standard output
     * @param stderr receives its standard error
     * @return its exit code, or {@code null} when the exec closed without one
     * @throws IOException when the exec fails or does not end in time
     * @throws InterruptedException when interrupted
     */
    Integer run(String script, byte[] input, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException;
}
