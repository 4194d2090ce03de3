package io.jenkins.plugins.gputrain.core.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The tar archives that carry the workspace into the pod and the results back: regular files only, the DVC cache and
 * gpu-train's own report directory left out, executable bits kept, a size limit on both ways, and nothing unpacked
 * outside the target.
 */
public final class WorkspaceArchive {
    /**
     * Default limit for either direction ({@link io.jenkins.plugins.gputrain.core.spec.ByteSize} form); the archive is
     * held in memory, data belongs in a DVC remote.
     */
    public static final String DEFAULT_MAX_SIZE = "256Mi";

    private static final int REGULAR_FILE = 0100644;
    private static final int EXECUTABLE_FILE = 0100755;
    private static final int ANY_EXECUTE = 0111;

    private static final Set<String> SKIPPED = Set.of(".dvc/cache", ".dvc/tmp", "gpu-train");

    private WorkspaceArchive() {}

    /**
     * Packs a workspace.
     *
     * @param root the workspace
     * @param maxBytes the largest total file size
     * @return the tar bytes
     * @throws IOException when a file cannot be read, or the workspace is larger than the limit
     */
    public static byte[] pack(Path root, long maxBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long total = 0;
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);
                Stream<Path> files = Files.walk(root)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (SKIPPED.stream().anyMatch(s -> name.equals(s) || name.startsWith(s + "/"))) {
                    continue;
                }
                total += Files.size(file);
                if (total > maxBytes) {
                    throw new IOException("the workspace is larger than " + maxBytes + " bytes (the DVC cache is"
                            + " already left out); pull data inside the pod with 'dvc pull' instead");
                }
                TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), name);
                entry.setMode(Files.isExecutable(file) ? EXECUTABLE_FILE : REGULAR_FILE);
                entry.setModTime(Files.getLastModifiedTime(file).toMillis());
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Unpacks an archive into a directory.
     *
     * @param archive the tar stream
     * @param root where the files go
     * @param maxBytes the largest total size
     * @return the paths written, relative to {@code root}
     * @throws IOException when an entry would leave {@code root}, is a link, or the archive is too large
     */
    public static List<String> unpack(InputStream archive, Path root, long maxBytes) throws IOException {
        Path target = root.toRealPath();
        List<String> written = new java.util.ArrayList<>();
        long total = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target) || entry.getName().startsWith("/")) {
                    throw new IOException("archive entry '" + entry.getName() + "' leaves the workspace");
                }
                if (entry.isSymbolicLink()
                        || entry.isLink()
                        || entry.isCharacterDevice()
                        || entry.isBlockDevice()
                        || entry.isFIFO()
                        || !entry.isFile()) {
                    throw new IOException("archive entry '" + entry.getName() + "' is not a regular file");
                }
                total += entry.getSize();
                if (total > maxBytes) {
                    throw new IOException("the results are larger than " + maxBytes + " bytes");
                }
                Path parent = file.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                if (Files.isSymbolicLink(file)) {
                    Files.delete(file);
                }
                Files.copy(tar, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                if ((entry.getMode() & ANY_EXECUTE) != 0 && !file.toFile().setExecutable(true, false)) {
                    throw new IOException("cannot make '" + entry.getName() + "' executable");
                }
                written.add(target.relativize(file).toString().replace('\\', '/'));
            }
        }
        return written;
    }
}
