package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.jenkins.plugins.gputrain.core.pod.PodManifest;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpu-train pod}: prints the pod manifest the engine would create, without contacting a cluster. */
@Command(
        name = "pod",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Print the Kubernetes pod that gpu-train would create for these options (nothing is created).")
final class PodCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private PodOptions pod;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Deadline of the pod, e.g. 2h or 90m.")
    private String timeout;

    @Option(names = "--run-id", paramLabel = "ID", description = "Run id label; default: random.")
    private String runId;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "yaml|json",
            defaultValue = "yaml",
            description = "Output format: ${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}.")
    private Format output;

    /** Output formats. */
    enum Format {
        yaml,
        json
    }

    @Override
    public Integer call() {
        Duration deadline = timeout == null ? null : DurationSpec.parse("--timeout", timeout);
        Pod created = new TrainingPodFactory().create(pod.podSpec(runId, deadline, null));
        PodManifest manifest = new PodManifest();
        spec.commandLine().getOut().print(output == Format.json ? manifest.toJson(created) : manifest.toYaml(created));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
