package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The result paths are passed to the pod's shell; quoting must hand every path over unchanged. */
class WorkspaceTransferTest {
    @Property(tries = 60)
    void quotedWordsReachTheShellUnchanged(
            @ForAll @StringLength(max = 40) @CharRange(from = ' ', to = '~') @Chars({'\n', '\t', 'é'}) String path)
            throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c", "printf '%s' " + WorkspaceTransfer.quote(path))
                .redirectErrorStream(true)
                .start();
        String printed = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(shell.waitFor()).isZero();
        assertThat(printed).isEqualTo(path);
    }
}
