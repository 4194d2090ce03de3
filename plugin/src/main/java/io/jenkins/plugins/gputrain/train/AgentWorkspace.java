package io.jenkins.plugins.gputrain.train;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gputrain.AgentFailure;
import io.jenkins.plugins.gputrain.core.engine.LocalWorkspace;
import io.jenkins.plugins.gputrain.core.engine.TrainingWorkspace;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * A build's workspace, wherever its agent is: packing, unpacking and reading the DVC project run there (as
 * {@link LocalWorkspace}), only the archives travel.
 */
final class AgentWorkspace implements TrainingWorkspace {
    private final FilePath workspace;

    AgentWorkspace(FilePath workspace) {
        this.workspace = workspace;
    }

    @Override
    public byte[] pack(long maxBytes) throws IOException {
        return act(new Pack(maxBytes));
    }

    @Override
    public List<String> unpack(byte[] archive, long maxBytes) throws IOException {
        return act(new Unpack(archive, maxBytes));
    }

    @Override
    public List<String> resultPaths() throws IOException {
        return act(new Results());
    }

    private <T> T act(MasterToSlaveFileCallable<T> callable) throws IOException {
        try {
            return workspace.act(callable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while using the workspace");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /** Packs the workspace where it is. */
    static final class Pack extends MasterToSlaveFileCallable<byte[]> {
        private static final long serialVersionUID = 1L;
        private final long maxBytes;

        Pack(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public byte[] invoke(File root, VirtualChannel channel) throws IOException {
            return AgentFailure.plainFailures(() -> new LocalWorkspace(root.toPath()).pack(maxBytes));
        }
    }

    /** Unpacks results where the workspace is. */
    static final class Unpack extends MasterToSlaveFileCallable<List<String>> {
        private static final long serialVersionUID = 1L;
        private final byte[] archive;
        private final long maxBytes;

        Unpack(byte[] archive, long maxBytes) {
            this.archive = archive.clone();
            this.maxBytes = maxBytes;
        }

        @Override
        public List<String> invoke(File root, VirtualChannel channel) throws IOException {
            return AgentFailure.plainFailures(
                    () -> new ArrayList<>(new LocalWorkspace(root.toPath()).unpack(archive, maxBytes)));
        }
    }

    /** Reads the result paths of the DVC project where the workspace is. */
    static final class Results extends MasterToSlaveFileCallable<List<String>> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<String> invoke(File root, VirtualChannel channel) throws IOException {
            return AgentFailure.plainFailures(() -> new ArrayList<>(new LocalWorkspace(root.toPath()).resultPaths()));
        }
    }
}
