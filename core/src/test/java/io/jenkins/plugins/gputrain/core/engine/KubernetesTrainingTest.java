package io.jenkins.plugins.gputrain.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KubernetesTrainingTest {
    @Test
    void theCommandRunsInTheWorkspaceWithItsArgumentsUntouched() throws IOException, InterruptedException {
        List<String> wrapped = KubernetesTraining.inWorkspace(List.of("printf", "%s|", "a b", "$(id)", "'q'"));

        assertThat(wrapped.subList(0, 4)).containsExactly("sh", "-c", "cd /workspace && exec \"$@\"", "gpu-train");
        List<String> withoutCd = List.of("sh", "-c", "exec \"$@\"", "gpu-train");
        Process shell = new ProcessBuilder(concat(withoutCd, wrapped.subList(4, wrapped.size()))).start();

        assertThat(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("a b|$(id)|'q'|");
        assertThat(shell.waitFor()).isZero();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
