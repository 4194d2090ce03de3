package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the user names are read up to a limit counted while reading; what may never end is refused unread. */
class BoundedFileTest {
    @TempDir
    Path temp;

    @Test
    void aStreamOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() throws Exception {
        assertThat(BoundedFile.read(stream("12345"), 5)).isEqualTo("12345");
        assertThatThrownBy(() -> BoundedFile.read(stream("123456"), 5))
                .isInstanceOf(BoundedFile.Refused.class)
                .hasMessage("larger than 5 bytes");
    }

    @Test
    void anEndlessDeviceIsRefusedAtTheLimitNotReadToTheEnd() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "needs /dev/zero");

        assertThatThrownBy(() -> BoundedFile.read(Path.of("/dev/zero"), 1024))
                .isInstanceOf(BoundedFile.Refused.class)
                .hasMessage("larger than 1024 bytes");
        assertThatThrownBy(() -> BoundedFile.readRegular(Path.of("/dev/zero"), 1024))
                .isInstanceOf(BoundedFile.Refused.class)
                .hasMessage("not a regular file");
    }

    @Test
    void aFifoWithoutWriterIsRefusedWithoutWaitingForIt() throws Exception {
        Path fifo = temp.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "needs mkfifo");

        assertThatThrownBy(() -> BoundedFile.readRegular(fifo, 1024))
                .isInstanceOf(BoundedFile.Refused.class)
                .hasMessage("not a regular file");
        assertThatThrownBy(() -> BoundedFile.readRegular(temp, 1024))
                .isInstanceOf(BoundedFile.Refused.class)
                .hasMessage("is a directory");
    }

    @Test
    void textThatIsNotUtf8IsACodingError() {
        InputStream latin1 = new ByteArrayInputStream(new byte[] {'a', (byte) 0xE9});

        assertThatThrownBy(() -> BoundedFile.read(latin1, 10)).isInstanceOf(CharacterCodingException.class);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
