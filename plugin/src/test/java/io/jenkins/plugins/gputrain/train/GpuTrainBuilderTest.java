package io.jenkins.plugins.gputrain.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingArguments;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuTrainBuilderTest {
    @Test
    void filledFieldsAreTheStepsArgumentsAndEmptyOnesFallBack() {
        GpuTrainBuilder step = new GpuTrainBuilder();
        step.setCpuMemory("4-16000+nvidia-tesla-t4*1");
        step.setNodeSelector(" ");
        step.setPendingTimeout("10m");
        step.setCommand("");

        assertThat(step.arguments())
                .containsExactly(
                        Map.entry("cpuMemory", "4-16000+nvidia-tesla-t4*1"), Map.entry("pendingTimeout", "10m"));
        assertThat(step.getCommand()).isEqualTo(GpuTrainBuilder.DEFAULT_COMMAND);

        TrainingDefaults configured = new TrainingDefaults(
                "gpu-cluster",
                "ml",
                "python:3.12",
                "gpu=true",
                "m",
                "nvidia.com/gpu",
                "accelerator",
                true,
                "main",
                null,
                "2h",
                1,
                null);
        TrainingArguments arguments = TrainingArguments.of(step.arguments(), configured);

        assertThat(arguments
                        .podSpec("jenkins-train-7")
                        .podName("gpu-train-1")
                        .build()
                        .summary())
                .isEqualTo("cpu 4, memory 16000M, 1 × nvidia-tesla-t4 GPU, node selector gpu=true, image python:3.12");
        assertThat(arguments.cloud()).contains("gpu-cluster");
        assertThat(arguments.retries()).isEqualTo(1);
        assertThat(arguments.pendingTimeout()).contains(Duration.ofMinutes(10));
    }

    @Test
    void aBadFieldIsTheStepsOneLineMessage() {
        GpuTrainBuilder step = new GpuTrainBuilder();
        step.setTimeout("soon");

        assertThatThrownBy(() -> TrainingArguments.of(step.arguments(), TrainingDefaults.BUILT_IN)
                        .podSpec("b"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("timeout 'soon': not a duration");
    }

    @Test
    void thePodGoesToTheConfiguredNamespaceElseTheClouds() throws AbortException {
        TrainingArguments configured = TrainingArguments.of(Map.of("namespace", "ml"), TrainingDefaults.BUILT_IN);
        TrainingArguments unset = TrainingArguments.of(Map.of(), TrainingDefaults.BUILT_IN);

        assertThat(GpuTrainBuilder.podSpec(configured, "job#1", "jenkins")
                        .build()
                        .namespace())
                .isEqualTo("ml");
        assertThat(GpuTrainBuilder.podSpec(unset, "job#1", "jenkins").build().namespace())
                .isEqualTo("jenkins");
        assertThat(GpuTrainBuilder.podSpec(unset, "job#1", null).build().namespace())
                .isNull();
    }

    @Test
    void everyPodGetsANewName() {
        String first = GpuTrainBuilder.podName();
        String second = GpuTrainBuilder.podName();

        assertThat(first).matches("gpu-train-[0-9a-f]{8}");
        assertThat(second).matches("gpu-train-[0-9a-f]{8}").isNotEqualTo(first);
    }

    @Test
    void aCloudNamespaceThatIsNoDnsLabelFailsTheBuildWithOneLine() {
        TrainingArguments unset = TrainingArguments.of(Map.of(), TrainingDefaults.BUILT_IN);

        assertThatThrownBy(() -> GpuTrainBuilder.podSpec(unset, "job#1", "Not_A_Label"))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[gpu-train] namespace 'Not_A_Label': ");
    }

    @Test
    void theWorkspaceIsPackedAndFilledWhereTheAgentHasIt(@TempDir Path agent, @TempDir Path other) throws IOException {
        Files.writeString(agent.resolve("dvc.yaml"), "metrics:\n- m.json\n");
        Files.writeString(agent.resolve("m.json"), "{}");
        VirtualChannel local = null;

        byte[] archive = new AgentWorkspace.Pack(1 << 20).invoke(agent.toFile(), local);

        assertThat(new AgentWorkspace.Unpack(archive, 1 << 20).invoke(other.toFile(), local))
                .containsExactlyInAnyOrder("dvc.yaml", "m.json");
        assertThat(new AgentWorkspace.Results().invoke(agent.toFile(), local)).contains("dvc.lock", "m.json");
    }
}
