package io.jenkins.plugins.gputrain.core.engine;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A workspace directory on this machine.
 *
 * @param root the workspace
 */
public record LocalWorkspace(Path root) implements TrainingWorkspace {
    @Override
    public byte[] pack(long maxBytes) throws IOException {
        return WorkspaceArchive.pack(root, maxBytes);
    }

    @Override
    public List<String> unpack(byte[] archive, long maxBytes) throws IOException {
        return WorkspaceArchive.unpack(new ByteArrayInputStream(archive), root, maxBytes);
    }

    @Override
    public List<String> resultPaths() throws IOException {
        try (DvcRepository repository = DvcRepository.open(root, DataFileReader.DEFAULT_MAX_BYTES)) {
            return ResultPaths.of(repository.files(DvcRepository.WORKSPACE).project());
        } catch (UnreadableFileException | UnknownRevisionException e) {
            throw new IOException("cannot read the DVC project in " + root + ": " + e.getMessage(), e);
        }
    }
}
