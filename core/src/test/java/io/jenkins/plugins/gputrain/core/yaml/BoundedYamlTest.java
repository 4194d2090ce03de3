package io.jenkins.plugins.gputrain.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedYamlTest {
    @Test
    void readsPlainData() {
        assertThat(BoundedYaml.read("yaml", "a: [1, two]\nb: {c: true}\n"))
                .isEqualTo(Map.of("a", List.of(1, "two"), "b", Map.of("c", true)));
        assertThat(BoundedYaml.read("yaml", "")).isNull();
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }

        assertThatThrownBy(() -> BoundedYaml.read("params.yaml", bomb.toString()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("params.yaml 'a0: &a0 [x, x, x, x, x, x, x, x, x]': Number of aliases for"
                        + " non-scalar nodes exceeds the specified max=50");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(100) + "]".repeat(100);

        assertThatThrownBy(() -> BoundedYaml.read("yaml", deep))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("Nesting Depth exceeded max 64");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> BoundedYaml.read("yaml", "a: 1\na: 2\n"))
                .hasMessageContaining("found duplicate key a at line 2, column 1");
    }

    @Test
    void javaObjectTagsAreNotConstructed() {
        assertThatThrownBy(() -> BoundedYaml.read("yaml", "x: !!javax.script.ScriptEngineManager [a]\n"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager");
    }

    @Test
    void tooLargeDocumentIsRefused() {
        String large = "a: " + "x".repeat(BoundedYaml.MAX_CODE_POINTS + 10) + "\n";

        assertThatThrownBy(() -> BoundedYaml.read("yaml", large))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("document is larger than 4194304 code points");
    }
}
