package io.jenkins.plugins.gputrain.it;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a {@code gpu-train run} in a sandbox's namespace on its {@code gpu=true} nodes: the machine size,
 * any other options, then the command after {@code --}.
 */
final class TrainingRun {
    private final List<String> arguments = new ArrayList<>();

    private TrainingRun(Sandbox sandbox, String cpuMemory) {
        arguments.add("run");
        option("--namespace", sandbox.namespace());
        option("--node-selector", "gpu=true");
        option("--cpu-memory", cpuMemory);
    }

    /**
     * A run on the sandbox's GPU nodes.
     *
     * @param sandbox the sandbox whose namespace the pod runs in
     * @param cpuMemory the {@code --cpu-memory} machine size, e.g. {@code 1-2000+t4*1}
     * @return the run's arguments so far
     */
    static TrainingRun onGpuNodes(Sandbox sandbox, String cpuMemory) {
        return new TrainingRun(sandbox, cpuMemory);
    }

    /**
     * Adds an option.
     *
     * @param name the option, e.g. {@code --pending-timeout}
     * @param value its value
     * @return this run
     */
    TrainingRun option(String name, String value) {
        arguments.add(name);
        arguments.add(value);
        return this;
    }

    /**
     * Adds an option without a value.
     *
     * @param name the option, e.g. {@code --no-preflight}
     * @return this run
     */
    TrainingRun flag(String name) {
        arguments.add(name);
        return this;
    }

    /**
     * The arguments, ending with the command.
     *
     * @param command the training command and its arguments
     * @return the arguments for {@link GpuTrainCli#run}
     */
    String[] command(String... command) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--");
        all.addAll(List.of(command));
        return all.toArray(String[]::new);
    }
}
