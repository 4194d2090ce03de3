package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The results archive as the download's exec prints it: the archive's size in bytes as the pod's {@code wc -c} counted
 * it, a newline, then the archive. An archive shorter or longer than its size says is refused, so that an exec whose
 * last output frames were lost can never pass for a complete download.
 */
final class SizedArchive {
    /** Where the size line must have ended: its digits (at most 18), spaces some {@code wc} put before them, a newline. */
    static final int MAX_HEADER = 40;

    private SizedArchive() {}

    /**
     * The archive in {@code output}.
     *
     * @param output what the exec wrote to standard output; empty when there was nothing to copy back
     * @return the archive, empty when {@code output} is
     * @throws IOException when the size line is missing or the archive is not as long as it says
     */
    static byte[] archive(byte[] output) throws IOException {
        if (output.length == 0) {
            return output;
        }
        int newline = -1;
        for (int i = 0; i < Math.min(output.length, MAX_HEADER); i++) {
            if (output[i] == '\n') {
                newline = i;
                break;
            }
        }
        String header = new String(output, 0, newline < 0 ? 0 : newline, StandardCharsets.US_ASCII).strip();
        if (newline < 0 || !header.matches("[0-9]{1,18}")) {
            throw new IOException(
                    "the pod's output does not start with the archive's size (" + output.length + " bytes received)");
        }
        long expected = Long.parseLong(header);
        long received = output.length - (newline + 1L);
        if (received != expected) {
            throw new IOException("the pod's archive has " + expected + " bytes, but " + received + " arrived");
        }
        return Arrays.copyOfRange(output, newline + 1, output.length);
    }
}
