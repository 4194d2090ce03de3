package io.jenkins.plugins.gputrain.core.engine;

import java.io.IOException;
import java.util.List;

/**
 * The workspace a Kubernetes training copies into the pod and the results back into: a directory on this machine
 * ({@link LocalWorkspace}), or one on a Jenkins agent reached through the agent channel.
 */
public interface TrainingWorkspace {
    /**
     * Packs the workspace as {@link WorkspaceArchive#pack} does.
     *
     * @param maxBytes the largest total file size
     * @return the tar archive
     * @throws IOException when a file cannot be read or the workspace is larger than the limit
     */
    byte[] pack(long maxBytes) throws IOException;

    /**
     * Unpacks results into the workspace as {@link WorkspaceArchive#unpack} does.
     *
     * @param archive the tar archive
     * @param maxBytes the largest total size
     * @return the files written, relative to the workspace
     * @throws IOException when an entry would leave the workspace, is a link, or the archive is too large
     */
    List<String> unpack(byte[] archive, long maxBytes) throws IOException;

    /**
     * The repository paths a report needs back from the pod ({@link ResultPaths}).
     *
     * @return the paths
     * @throws IOException when the DVC project cannot be read
     */
    List<String> resultPaths() throws IOException;
}
