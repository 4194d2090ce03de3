package io.jenkins.plugins.gputrain.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.jenkins.plugins.gputrain.core.engine.CommandResult;
import io.jenkins.plugins.gputrain.core.engine.ProgressListener;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodFailureException;
import io.jenkins.plugins.gputrain.core.engine.k8s.PodRunner;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodFactory;
import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.MachineSize;
import java.time.Clock;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pod lifecycle's own cost against fabric8's mock API server (CRUD mode): create, watch until Running, check the
 * status after the work, delete. The pod is created already Running and the work does nothing, so what is measured
 * is the engine and the API round trips; the tear-down prints the API requests per lifecycle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 30, time = 1)
@Measurement(iterations = 10, time = 2)
@Fork(3)
public class PodLifecycleBenchmarks {

    private final AtomicLong lifecycles = new AtomicLong();
    private KubernetesMockServer server;
    private KubernetesClient client;
    private int requestsBefore;

    @Setup(Level.Trial)
    public void startServer() {
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        requestsBefore = server.getRequestCount();
        lifecycles.set(0);
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        long runs = lifecycles.get();
        int requests = server.getRequestCount() - requestsBefore;
        System.out.printf(
                "%nAPI requests: %d for %d pod lifecycles = %.2f per lifecycle; pods left: %d%n",
                requests,
                runs,
                runs == 0 ? 0.0 : (double) requests / runs,
                client.pods().inNamespace("bench").list().getItems().size());
        client.close();
        server.destroy();
    }

    /** One lifecycle at a time. */
    @Benchmark
    public CommandResult podLifecycle() throws PodFailureException, InterruptedException {
        return runOne();
    }

    /** Fifty lifecycles at once. */
    @Benchmark
    @Threads(50)
    public CommandResult fiftyConcurrentPodLifecycles() throws PodFailureException, InterruptedException {
        return runOne();
    }

    private CommandResult runOne() throws PodFailureException, InterruptedException {
        String name = "bench-" + lifecycles.incrementAndGet();
        Pod pod = new PodBuilder(new TrainingPodFactory()
                        .create(TrainingPodSpec.builder(name)
                                .podName(name)
                                .namespace("bench")
                                .machine(MachineSize.parse("1-2000"))
                                .build()))
                .withNewStatus()
                .withPhase("Running")
                .endStatus()
                .build();
        return new PodRunner(client, Clock.systemUTC(), null, ProgressListener.quiet())
                .run(pod, resource -> new CommandResult(0, false));
    }
}
