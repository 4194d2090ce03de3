package io.jenkins.plugins.gputrain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.pipeline.StepArgument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GpuTrainVariableTest {
    private static final Path HELP =
            Path.of("src/main/resources/io/jenkins/plugins/gputrain/pipeline/GpuTrainVariable");

    @Test
    void theVariableIsCalledGpuTrainAndItsGroovyClassIsThere() {
        assertThat(new GpuTrainVariable().getName()).isEqualTo("gpuTrain");
        assertThat(GpuTrainVariable.groovySource().toString())
                .endsWith("io/jenkins/plugins/gputrain/pipeline/GpuTrain.groovy")
                .endsWith(GpuTrainVariable.GROOVY_CLASS.replace('.', '/') + ".groovy");
    }

    @Test
    void theAllowlistLetsOnlyOurGroovyFileRunUnsandboxed() {
        GpuTrainVariable.Allowlist allowlist = new GpuTrainVariable.Allowlist();
        String ours = GpuTrainVariable.groovySource().toString();

        assertThat(allowlist.isAllowed(ours)).isTrue();
        assertThat(allowlist.isAllowed(ours.replace("GpuTrain.groovy", "Other.groovy")))
                .isFalse();
        assertThat(allowlist.isAllowed("file:/tmp/GpuTrain.groovy")).isFalse();
    }

    @Test
    void everyArgumentHasAHelpFileAndIsListedInTheVariablesHelp() throws IOException {
        String help = Files.readString(HELP.resolve("help.jelly"));

        for (StepArgument argument : StepArgument.values()) {
            Path file = HELP.resolve("help-" + argument.argumentName() + ".html");
            assertThat(file).as("help for %s", argument.argumentName()).isNotEmptyFile();
            assertThat(help).contains("<code>" + argument.argumentName() + "</code>");
        }
        try (Stream<Path> files = Files.list(HELP)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("help-")))
                    .as("help files for arguments that do not exist")
                    .allMatch(name -> Arrays.stream(StepArgument.values())
                            .anyMatch(a -> name.equals("help-" + a.argumentName() + ".html")));
        }
        assertThat(help).contains("gpuTrain(nodeSelector: 'gpu=true', cpuMemory: '1-2000')");
    }
}
