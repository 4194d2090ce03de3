package io.jenkins.plugins.gputrain.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalWorkspaceTest {
    @TempDir
    Path root;

    @Test
    void packedFilesComeBackWhereTheyWereAndTheResultsAreTheDeclaredOnes(@TempDir Path other) throws IOException {
        Files.writeString(root.resolve("dvc.yaml"), "metrics:\n- m.json\nparams:\n- params.yaml\n");
        Files.writeString(root.resolve("m.json"), "{\"acc\": 0.5}");

        byte[] archive = new LocalWorkspace(root).pack(1 << 20);

        assertThat(new LocalWorkspace(other).unpack(archive, 1 << 20)).containsExactlyInAnyOrder("dvc.yaml", "m.json");
        assertThat(other.resolve("m.json")).hasContent("{\"acc\": 0.5}");
        assertThat(new LocalWorkspace(root).resultPaths()).contains("dvc.lock", "m.json", "params.yaml");
    }

    @Test
    void aBrokenProjectNamesTheWorkspace() throws IOException {
        Files.writeString(root.resolve("dvc.yaml"), "stages: [");

        assertThatThrownBy(() -> new LocalWorkspace(root).resultPaths())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read the DVC project in " + root + ": ");
    }
}
