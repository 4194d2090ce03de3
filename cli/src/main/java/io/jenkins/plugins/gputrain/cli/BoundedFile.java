package io.jenkins.plugins.gputrain.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads UTF-8 text the user named, at most a given number of bytes counted while reading (not by {@link Files#size},
 * which is 0 for {@code /dev/zero}, FIFOs or {@code /proc} files), so that no input makes the CLI run out of memory.
 */
final class BoundedFile {
    private BoundedFile() {}

    /** Why an input was refused before or while reading it; its message is the reason in words. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * Reads a regular file; a device, FIFO or directory (which may never end, or block) is refused unread.
     *
     * @param file the file
     * @param maxBytes the largest size accepted
     * @return its text
     * @throws Refused when it is not a regular file or is larger than {@code maxBytes}
     * @throws java.nio.charset.CharacterCodingException when it is not UTF-8
     * @throws IOException when it cannot be read
     */
    static String readRegular(Path file, int maxBytes) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new Refused(Files.isDirectory(file) ? "is a directory" : "not a regular file");
        }
        return read(file, maxBytes);
    }

    /**
     * Reads a file or a stream such as {@code /dev/fd/63} (process substitution).
     *
     * @param file the file
     * @param maxBytes the largest size accepted
     * @return its text
     * @throws Refused when it is larger than {@code maxBytes}
     * @throws java.nio.charset.CharacterCodingException when it is not UTF-8
     * @throws IOException when it cannot be read
     */
    static String read(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, maxBytes);
        }
    }

    /**
     * Reads a stream (standard input) to its end, refusing it once it is larger than the limit.
     *
     * @param in the stream, not closed
     * @param maxBytes the largest size accepted
     * @return its text
     * @throws Refused when it is larger than {@code maxBytes}
     * @throws java.nio.charset.CharacterCodingException when it is not UTF-8
     * @throws IOException when it cannot be read
     */
    static String read(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new Refused("larger than " + maxBytes + " bytes");
        }
        return StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
