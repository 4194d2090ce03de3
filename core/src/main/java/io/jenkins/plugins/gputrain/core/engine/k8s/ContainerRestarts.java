package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Whether the kubelet restarts a container that exited, as {@code ShouldContainerBeRestarted} decides
 * ({@code pkg/kubelet/container/helpers.go}): a sidecar (an init container with {@code restartPolicy: Always}) always;
 * another init container only after a failure; a regular container by the first of its {@code restartPolicyRules}
 * that matches the exit code (KEP-5307: action {@code Restart}, {@code exitCodes} with operator {@code In} or
 * {@code NotIn}), else by its own {@code restartPolicy} or the pod's ({@code Always} by default): {@code Always}
 * restarts after any exit, {@code OnFailure} after a non-zero one, {@code Never} not at all. Such restarts, exit
 * code 0 included, go through the kubelet's crash-loop back-off ({@code doBackOff} looks only at the container's last
 * exit, never at its code).
 */
final class ContainerRestarts {
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
        if (init) {
            return "Always".equals(container.getRestartPolicy()) || exitCode != 0;
        }
        for (Object rule : rules(container)) {
            if (rule instanceof Map<?, ?> map && matches(map.get("exitCodes"), exitCode)) {
                return "Restart".equals(map.get("action"));
            }
        }
        String policy = Stream.of(container.getRestartPolicy(), pod.getSpec().getRestartPolicy())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("Always");
        return switch (policy) {
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
