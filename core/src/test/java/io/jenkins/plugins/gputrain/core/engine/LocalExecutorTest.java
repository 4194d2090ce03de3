package io.jenkins.plugins.gputrain.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExecutorTest {
    @TempDir
    Path directory;

    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void progress(String line) {
            err.add("[progress] " + line);
        }

        @Override
        public void output(String line) {
            out.add(line);
        }

        @Override
        public void error(String line) {
            err.add(line);
        }
    };

    @Test
    void streamsOutputAndReturnsTheExitCode() throws Exception {
        CommandResult result = new LocalExecutor()
                .run(List.of("sh", "-c", "echo one; echo two >&2; pwd; exit 3"), directory, null, listener);

        assertThat(result).isEqualTo(new CommandResult(3, false));
        assertThat(result.succeeded()).isFalse();
        assertThat(out).containsExactly("one", directory.toRealPath().toString());
        assertThat(err).containsExactly("two");
    }

    @Test
    void commandRunningLongerThanTheTimeoutIsStoppedWithItsChildren() throws Exception {
        CommandResult result = new LocalExecutor()
                .run(List.of("sh", "-c", "sleep 30.25 & wait"), directory, Duration.ofMillis(300), listener);

        assertThat(result.timedOut()).isTrue();
        // the child was killed; its exit is an event that may come just after run() returns (CI saw it still listed)
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("sleep 30.25"))
                .forEach(child -> assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(10)));
    }

    @Test
    void missingProgramIsAnIoException() {
        assertThatThrownBy(
                        () -> new LocalExecutor().run(List.of("no-such-program-gpu-train"), directory, null, listener))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-program-gpu-train");
    }
}
