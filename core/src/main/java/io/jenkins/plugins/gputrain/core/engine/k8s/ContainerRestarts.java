package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whether the kubelet restarts a container that exited, as Kubernetes v1.35.4 decides: a sidecar (an init container
 * with {@code restartPolicy: Always}) always; another init container never after exit code 0, and after a failure as
 * {@code ContainerShouldRestart} says ({@code pkg/kubelet/kuberuntime/kuberuntime_container.go}
 * {@code computeInitContainerActions}: otherwise the kubelet kills the pod); a regular container as
 * {@code ContainerShouldRestart} says ({@code pkg/api/v1/pod/util.go}). That is: when the container has its own
 * {@code restartPolicy}, the first of its {@code restartPolicyRules} that matches the exit code (KEP-5307:
 * {@code exitCodes} with operator {@code In} or {@code NotIn}) restarts it when its action is {@code Restart} or
 * {@code RestartAllContainers} (which the API server admits only with its feature gate on), any other action falling
 * back to the container's {@code restartPolicy}; without one, the pod's ({@code Always} by default): {@code Always}
 * restarts after any exit, {@code OnFailure} after a non-zero one, {@code Never} not at all. A kubelet without the
 * {@code ContainerRestartRules} gate ignores the rules and the container's policy (an older kubelet, or the gate
 * turned off): its restarts are then the pod's policy's, which this does not tell apart. Such restarts, exit code 0
 * included, go through the kubelet's crash-loop back-off ({@code doBackOff} looks only at the container's last exit,
 * never at its code).
 */
final class ContainerRestarts {
    /** The rule actions that restart the container. */
    private static final List<String> RESTARTING_ACTIONS = List.of("Restart", "RestartAllContainers");

    /** The restart policies; the kubelet passes over any other value to the next level's. */
    private static final List<String> POLICIES = List.of("Always", "OnFailure", "Never");

    private ContainerRestarts() {}

    /**
     * Whether the kubelet restarts a container after an exit.
     *
     * @param pod the pod, with its spec
     * @param name the container's name
     * @param init whether it is an init container
     * @param exitCode the code it exited with
     * @return whether it is restarted
     */
    static boolean after(Pod pod, String name, boolean init, int exitCode) {
        if (pod.getSpec() == null) {
            return exitCode != 0;
        }
        List<Container> containers =
                init ? pod.getSpec().getInitContainers() : pod.getSpec().getContainers();
        Container container = containers.stream()
                .filter(c -> name.equals(c.getName()))
                .findFirst()
                .orElse(null);
        if (container == null) {
            return exitCode != 0;
        }
        if (init && "Always".equals(container.getRestartPolicy())) {
            return true;
        }
        if (init && exitCode == 0) {
            return false;
        }
        return byPolicy(container, pod.getSpec().getRestartPolicy(), exitCode);
    }

    /** {@code ContainerShouldRestart}: the container's rules, then its policy, then the pod's. */
    private static boolean byPolicy(Container container, String podPolicy, int exitCode) {
        String own = container.getRestartPolicy();
        if (own != null) {
            for (Object rule : rules(container)) {
                if (rule instanceof Map<?, ?> map && matches(map.get("exitCodes"), exitCode)) {
                    if (RESTARTING_ACTIONS.contains(String.valueOf(map.get("action")))) {
                        return true;
                    }
                    break;
                }
            }
        }
        String chosen = Stream.of(own, podPolicy)
                .filter(policy -> policy != null && POLICIES.contains(policy))
                .findFirst()
                .orElse("Always");
        return switch (chosen) {
            case "Never" -> false;
            case "OnFailure" -> exitCode != 0;
            default -> true;
        };
    }

    /** The container's {@code restartPolicyRules}, which fabric8's model keeps among its unknown properties. */
    private static List<?> rules(Container container) {
        return container.getAdditionalProperties().get("restartPolicyRules") instanceof List<?> rules
                ? rules
                : List.of();
    }

    private static boolean matches(Object exitCodes, int exitCode) {
        if (!(exitCodes instanceof Map<?, ?> codes) || !(codes.get("values") instanceof List<?> values)) {
            return false;
        }
        boolean listed =
                values.stream().anyMatch(value -> value instanceof Number number && number.intValue() == exitCode);
        return switch (String.valueOf(codes.get("operator"))) {
            case "In" -> listed;
            case "NotIn" -> !listed;
            default -> false;
        };
    }
}
