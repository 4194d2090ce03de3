package io.jenkins.plugins.gputrain.core.engine.k8s;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A pod's core/v1 events, read only on a failure path (they are not free to list): who acted on the pod (the event's
 * {@code source.component} or {@code reportingComponent}) and what the kubelet could not do. Events are best effort
 * (they expire after an hour, credentials may not list them), so an empty answer is never an error.
 */
final class PodEvents {
    /**
     * The kubelet's volume reasons ({@code pkg/kubelet/events/event.go} v1.35.4: {@code FailedMount} from
     * {@code kubelet.go} syncPod and the operation executor, {@code FailedAttachVolume}).
     */
    static final Set<String> MOUNT_REASONS = Set.of("FailedMount", "FailedAttachVolume");

    private final List<Event> events;

    private PodEvents(List<Event> events) {
        this.events = events;
    }

    /**
     * Lists the events of one pod, newest last.
     *
     * @param client the cluster connection
     * @param namespace the pod's namespace
     * @param name the pod's name
     * @return its events; none when they cannot be listed
     */
    static PodEvents of(KubernetesClient client, String namespace, String name) {
        try {
            List<Event> items = client
                    .v1()
                    .events()
                    .inNamespace(namespace)
                    .withField("involvedObject.name", name)
                    .list()
                    .getItems()
                    .stream()
                    .filter(e -> e.getInvolvedObject() != null
                            && name.equals(e.getInvolvedObject().getName())
                            && "Pod".equals(e.getInvolvedObject().getKind()))
                    .sorted(Comparator.comparing(PodEvents::time, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            return new PodEvents(items);
        } catch (KubernetesClientException e) {
            return new PodEvents(List.of());
        }
    }

    /** The newest event with one of these reasons, as {@code FailedMount (kubelet, 3 times): message}. */
    Optional<String> latest(Set<String> reasons) {
        return events.stream()
                .filter(e -> reasons.contains(e.getReason()))
                .reduce((first, second) -> second)
                .map(PodEvents::describe);
    }

    /** The newest event, described as {@link #latest} does. */
    Optional<String> latest() {
        return events.isEmpty() ? Optional.empty() : Optional.of(describe(events.get(events.size() - 1)));
    }

    private static String describe(Event event) {
        String by = event.getSource() != null && event.getSource().getComponent() != null
                ? event.getSource().getComponent()
                : Objects.requireNonNullElse(event.getReportingComponent(), "unknown component");
        int count = event.getCount() == null ? 1 : event.getCount();
        String message = event.getMessage() == null
                ? "(no message)"
                : event.getMessage().strip().replace('\n', ' ');
        return event.getReason() + " (by " + by + (count > 1 ? ", " + count + " times" : "") + "): " + message;
    }

    private static String time(Event event) {
        if (event.getLastTimestamp() != null) {
            return event.getLastTimestamp();
        }
        return event.getEventTime() == null ? null : event.getEventTime().getTime();
    }
}
