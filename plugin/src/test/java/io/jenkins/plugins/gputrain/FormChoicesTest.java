package io.jenkins.plugins.gputrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormChoicesTest {
    private static final List<FormChoice> CLOUDS =
            List.of(new FormChoice("gpu-cluster", "gpu-cluster"), new FormChoice("kubernetes", "kubernetes"));

    @Test
    void theEmptyEntryComesFirstThenWhatIsAvailable() {
        assertThat(FormChoices.of("(default: kubernetes)", CLOUDS, "kubernetes"))
                .containsExactly(
                        new FormChoice("(default: kubernetes)", ""),
                        new FormChoice("gpu-cluster", "gpu-cluster"),
                        new FormChoice("kubernetes", "kubernetes"));
    }

    @Test
    void aSavedValueThatIsGoneStaysMarkedSoSavingTheFormKeepsIt() {
        assertThat(FormChoices.of("(none)", CLOUDS, "old-cluster"))
                .endsWith(new FormChoice("old-cluster (not found)", "old-cluster"))
                .hasSize(4);
    }

    @Test
    void nothingSavedAddsNothing() {
        assertThat(FormChoices.of("(none)", List.of(), null)).containsExactly(new FormChoice("(none)", ""));
        assertThat(FormChoices.of("(none)", List.of(), " ")).containsExactly(new FormChoice("(none)", ""));
    }
}
