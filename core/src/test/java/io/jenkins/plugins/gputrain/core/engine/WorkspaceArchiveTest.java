package io.jenkins.plugins.gputrain.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceArchiveTest {
    @TempDir
    Path workspace;

    @TempDir
    Path target;

    @Test
    void packsTheWorkspaceWithoutTheDvcCacheAndUnpacksItTheSame() throws IOException {
        write("dvc.yaml", "stages: {}");
        write("src/" + "deep/".repeat(30) + "train.py", "print(1)");
        write(".dvc/config", "[core]");
        write(".dvc/cache/files/md5/ab/cdef", "big data");
        write("gpu-train/report.md", "old report");

        byte[] tar = WorkspaceArchive.pack(workspace, 1 << 20);

        assertThat(WorkspaceArchive.unpack(new ByteArrayInputStream(tar), target, 1 << 20))
                .containsExactlyInAnyOrder("dvc.yaml", "src/" + "deep/".repeat(30) + "train.py", ".dvc/config");
        assertThat(target.resolve("src/" + "deep/".repeat(30) + "train.py")).hasContent("print(1)");
        assertThat(target.resolve(".dvc/cache")).doesNotExist();
    }

    @Test
    void workspaceOverTheLimitIsRefusedWithAHint() throws IOException {
        write("data.bin", "0123456789");

        assertThatThrownBy(() -> WorkspaceArchive.pack(workspace, 5))
                .hasMessageContaining("the workspace is larger than 5 bytes")
                .hasMessageContaining("dvc pull");
    }

    @Test
    void entriesLeavingTheTargetOrLinksAreRefused() throws IOException {
        assertThatThrownBy(() ->
                        WorkspaceArchive.unpack(new ByteArrayInputStream(tar("../evil.sh", false)), target, 1 << 20))
                .hasMessage("archive entry '../evil.sh' leaves the workspace");
        assertThatThrownBy(() -> WorkspaceArchive.unpack(new ByteArrayInputStream(tar("link", true)), target, 1 << 20))
                .hasMessage("archive entry 'link' is not a regular file");
        assertThat(target.getParent().resolve("evil.sh")).doesNotExist();
    }

    @Test
    void resultsOverTheLimitAreRefused() throws IOException {
        write("m.json", "{\"acc\": 1}");

        assertThatThrownBy(() -> WorkspaceArchive.unpack(
                        new ByteArrayInputStream(WorkspaceArchive.pack(workspace, 1 << 20)), target, 3))
                .hasMessage("the results are larger than 3 bytes");
    }

    private static byte[] tar(String name, boolean link) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry =
                    link ? new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK) : new TarArchiveEntry(name, true);
            if (link) {
                entry.setLinkName("/etc/passwd");
            } else {
                entry.setSize(2);
            }
            tar.putArchiveEntry(entry);
            if (!link) {
                tar.write("hi".getBytes(StandardCharsets.UTF_8));
            }
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private void write(String path, String text) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
