package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.gputrain.core.engine.k8s.Leftovers;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.DurationSpec;
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

/** {@code gpu-train gc}: deletes training pods and Secrets that runs left behind. */
@Command(
        name = "gc",
        mixinStandardHelpOptions = true,
        versionProvider = GpuTrainCommand.Version.class,
        description = "Delete gpu-train pods and secrets (label app.kubernetes.io/managed-by=gpu-train) older than"
                + " --older-than; nothing else is ever touched.")
final class GcCommand implements Callable<Integer> {
    private static final int HTTP_FORBIDDEN = 403;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterConnection connection;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace; default: the context's.")
    private String namespace;

    @Option(
            names = "--older-than",
            paramLabel = "DURATION",
            defaultValue = "1h",
            description = "Minimum age of what to delete, e.g. 30m or 2h; default: ${DEFAULT-VALUE}.")
    private String olderThan;

    @Option(names = "--dry-run", description = "List what would be deleted without deleting it.")
    private boolean dryRun;

    @Override
    public Integer call() throws CommandFailure {
        PrintWriter out = spec.commandLine().getOut();
        Duration age = DurationSpec.parse("--older-than", olderThan);
        String checkedNamespace = TrainingPodSpec.checkedNamespace("--namespace", namespace);
        ClusterConnection.Target cluster = connection.target();
        String target = checkedNamespace == null ? cluster.config().getNamespace() : checkedNamespace;
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(cluster.config()).build()) {
            Leftovers leftovers = new Leftovers(client, Clock.systemUTC());
            int found = 0;
            for (Leftovers.Kind kind : Leftovers.Kind.values()) {
                found += collect(leftovers, kind, target, age, out);
            }
            if (found == 0) {
                out.println("no gpu-train pods or secrets older than " + olderThan + " in namespace " + target);
            }
            out.flush();
            return 0;
        } catch (KubernetesClientException e) {
            throw new CommandFailure(ClusterConnection.describe(e, cluster), e);
        }
    }

    /**
     * Deletes (or, in a dry run, lists) the leftovers of a kind and prints one line each. Credentials that may not
     * list Secrets (HTTP 403) skip them with a note: pods are what costs money.
     */
    private int collect(Leftovers leftovers, Leftovers.Kind kind, String target, Duration age, PrintWriter out) {
        List<Leftovers.Leftover> found;
        try {
            found = dryRun ? leftovers.find(kind, target, age) : leftovers.delete(kind, target, age);
        } catch (KubernetesClientException e) {
            if (kind == Leftovers.Kind.SECRET && e.getCode() == HTTP_FORBIDDEN) {
                out.println("secrets not checked: these credentials may not list secrets in namespace " + target
                        + " (HTTP 403)");
                return 0;
            }
            throw e;
        }
        for (Leftovers.Leftover leftover : found) {
            out.println(
                    dryRun
                            ? "would delete " + kind.kubectlName() + " " + target + "/" + leftover.name() + " (created "
                                    + leftover.created() + ")"
                            : "deleted " + kind.kubectlName() + " " + target + "/" + leftover.name());
        }
        return found.size();
    }
}
