package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.k8s.LeftoverPods;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpu-train gc}: deletes training pods that runs left behind. */
@Command(
        name = "gc",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Delete gpu-train pods (label app.kubernetes.io/managed-by=gpu-train) older than --older-than;"
                + " other pods are never touched.")
final class GcCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterConnection cluster;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace; default: the context's.")
    private String namespace;

    @Option(
            names = "--older-than",
            paramLabel = "DURATION",
            defaultValue = "1h",
            description = "Minimum age of a pod to delete, e.g. 30m or 2h; default: ${DEFAULT-VALUE}.")
    private String olderThan;

    @Option(names = "--dry-run", description = "List the pods without deleting them.")
    private boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration age;
        try {
            age = DurationSpec.parse("--older-than", olderThan);
        } catch (InvalidSpecException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Config config;
        try {
            config = cluster.config();
        } catch (KubernetesClientException e) {
            return DiffCommand.fail(err, e.getMessage(), CommandFailure.FAILED);
        }
        String target = namespace == null ? config.getNamespace() : namespace;
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            LeftoverPods leftovers = new LeftoverPods(client, Clock.systemUTC());
            List<String> names = dryRun
                    ? leftovers.find(target, age).stream()
                            .map(Pod::getMetadata)
                            .map(meta -> meta.getName() + " (created " + meta.getCreationTimestamp() + ")")
                            .toList()
                    : leftovers.delete(target, age);
            String verb = dryRun ? "would delete pod " : "deleted pod ";
            names.forEach(name -> out.println(verb + target + "/" + name));
            if (names.isEmpty()) {
                out.println("no gpu-train pods older than " + olderThan + " in namespace " + target);
            }
            out.flush();
            return 0;
        } catch (KubernetesClientException e) {
            return DiffCommand.fail(err, ClusterConnection.describe(e, config.getMasterUrl()), CommandFailure.FAILED);
        }
    }
}
