package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The download's size line: an archive comes back only when exactly as many bytes arrived as the pod counted. */
class SizedArchiveTest {
    @Property(tries = 200)
    void anArchiveAsLongAsItsSizeLineSaysComesBackUnchanged(
            @ForAll @Size(min = 1, max = 600) byte[] archive, @ForAll @IntRange(max = 8) int spaces)
            throws IOException {
        assertThat(SizedArchive.archive(sized(" ".repeat(spaces) + archive.length, archive)))
                .isEqualTo(archive);
    }

    @Property(tries = 200)
    void anArchiveCutShortIsRefused(
            @ForAll @Size(min = 1, max = 600) byte[] archive, @ForAll @IntRange(min = 1, max = 600) int lost) {
        byte[] output = sized(String.valueOf(archive.length), archive);
        byte[] cut = Arrays.copyOf(output, Math.max(0, output.length - Math.min(lost, archive.length)));

        assertThatThrownBy(() -> SizedArchive.archive(cut))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the pod's archive has " + archive.length + " bytes, but ");
    }

    @Test
    void moreBytesThanTheSizeLineSaysAreRefused() {
        assertThatThrownBy(() -> SizedArchive.archive(sized("3", new byte[4])))
                .isInstanceOf(IOException.class)
                .hasMessage("the pod's archive has 3 bytes, but 4 arrived");
    }

    @Test
    void noOutputIsNoArchive() throws IOException {
        assertThat(SizedArchive.archive(new byte[0])).isEmpty();
    }

    @Test
    void outputWithoutASizeLineIsRefused() {
        assertThatThrownBy(() -> SizedArchive.archive("ustar archive".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class)
                .hasMessage("the pod's output does not start with the archive's size (13 bytes received)");
        assertThatThrownBy(() -> SizedArchive.archive("12x\nabc".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class)
                .hasMessage("the pod's output does not start with the archive's size (7 bytes received)");
        assertThatThrownBy(() -> SizedArchive.archive(sized("1".repeat(SizedArchive.MAX_HEADER), new byte[1])))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the pod's output does not start with the archive's size (");
    }

    private static byte[] sized(String header, byte[] archive) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        output.writeBytes((header + "\n").getBytes(StandardCharsets.US_ASCII));
        output.writeBytes(archive);
        return output.toByteArray();
    }
}
