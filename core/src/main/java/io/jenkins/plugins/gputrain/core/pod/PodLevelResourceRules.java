package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.Map;
import java.util.SortedMap;

/**
 * The API server's rules for pod-level {@code spec.resources} ({@code pkg/apis/core/validation/validation.go}
 * validatePodResources and validatePodResourceConsistency at v1.35.4, PodLevelResources on by default since 1.34),
 * applied to the pod as the API server defaults it ({@link PodResources}): not on a Windows pod; no {@code claims};
 * only {@code cpu}, {@code memory} and {@code hugepages-*}; the quantities, request-versus-limit and hugepages rules of
 * a container ({@link ContainerResourceRules}); a pod-level request at least what the containers request in aggregate,
 * a hugepages limit at least the containers' in aggregate; and no container limit above the pod's.
 */
final class PodLevelResourceRules {
    private static final String FIELD = "spec.resources";

    private PodLevelResourceRules() {}

    /**
     * Checks the pod-level resources, if the pod has any.
     *
     * @param spec the pod's spec
     * @throws io.jenkins.plugins.gputrain.core.spec.InvalidSpecException naming the first invalid field
     */
    static void check(PodSpec spec) {
        ResourceRequirements resources = spec.getResources();
        if (resources == null) {
            return;
        }
        if (spec.getOs() != null && "windows".equals(spec.getOs().getName())) {
            throw PodValidation.invalid(FIELD, "", "Forbidden: may not be set for a windows pod");
        }
        if (resources.getClaims() != null && !resources.getClaims().isEmpty()) {
            throw PodValidation.invalid(
                    FIELD + ".claims", "", "Forbidden: claims may not be set for Resources at pod-level");
        }
        supported(FIELD + ".limits", resources.getLimits());
        supported(FIELD + ".requests", resources.getRequests());
        SortedMap<String, Quantity> limits = PodResources.podLimits(spec);
        SortedMap<String, Quantity> requests = PodResources.podRequests(spec);
        ContainerResourceRules.check(FIELD, limits, requests);
        PodResources.containerRequests(spec).forEach((name, aggregate) -> {
            Quantity request = requests.get(name);
            if (request != null && exceeds(aggregate, request)) {
                throw PodValidation.invalid(
                        FIELD + ".requests[" + name + "]",
                        request.toString(),
                        "must be greater than or equal to aggregate container requests of " + aggregate);
            }
        });
        PodResources.containerLimits(spec).forEach((name, aggregate) -> {
            Quantity limit = limits.get(name);
            if (name.startsWith("hugepages-") && limit != null && exceeds(aggregate, limit)) {
                throw PodValidation.invalid(
                        FIELD + ".limits[" + name + "]",
                        limit.toString(),
                        "must be greater than or equal to aggregate container limits of " + aggregate);
            }
        });
        for (int i = 0; i < spec.getContainers().size(); i++) {
            Container container = spec.getContainers().get(i);
            Map<String, Quantity> own = container.getResources() == null
                    ? null
                    : container.getResources().getLimits();
            if (own == null) {
                continue;
            }
            for (Map.Entry<String, Quantity> limit : own.entrySet()) {
                Quantity podLimit = limits.get(limit.getKey());
                if (podLimit != null && exceeds(limit.getValue(), podLimit)) {
                    // the API server's path, as validatePodResourceConsistency builds it
                    throw PodValidation.invalid(
                            FIELD + ".containers[" + i + "][" + limit.getKey() + "].limits",
                            limit.getValue().toString(),
                            "must be less than or equal to pod limits of " + podLimit);
                }
            }
        }
    }

    /** {@code validatePodResourceName}: component-helpers' IsSupportedPodLevelResource, as a NotSupported error. */
    private static void supported(String field, Map<String, Quantity> quantities) {
        if (quantities == null) {
            return;
        }
        quantities.keySet().stream()
                .filter(name -> !PodResources.isPodLevel(name))
                .findFirst()
                .ifPresent(name -> {
                    throw PodValidation.invalid(
                            field + "[" + name + "]",
                            name,
                            "Unsupported value: supported values: \"cpu\", \"hugepages-\", \"memory\"");
                });
    }

    private static boolean exceeds(Quantity amount, Quantity bound) {
        return amount.getNumericalAmount().compareTo(bound.getNumericalAmount()) > 0;
    }
}
