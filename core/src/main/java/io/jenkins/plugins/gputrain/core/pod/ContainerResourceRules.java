package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.gputrain.core.spec.LabelSyntax;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * The API server's rules for one container's {@code resources} ({@code pkg/apis/core/validation/validation.go},
 * {@code validateResourceRequirements}, {@code validateContainerResourceName}, {@code ValidateResourceQuantityValue}
 * and {@code validateResourceQuantityHugePageValue}, with {@code pkg/apis/core/helper/helpers.go}, v1.35.4): names are
 * standard container resources or extended names; quantities are not negative, extended ones integers; resources
 * that cannot be overcommitted (extended and {@code hugepages-*}) have a limit equal to their request; hugepages are
 * whole multiples of their page size and come with a cpu or memory request or limit.
 */
final class ContainerResourceRules {
    private static final Set<String> STANDARD = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Set<String> CPU_OR_MEMORY = Set.of("cpu", "memory");
    private static final String HUGEPAGES = "hugepages-";
    private static final String KUBERNETES_DOMAIN = "kubernetes.io/";
    private static final String REQUESTS = "requests.";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private ContainerResourceRules() {}

    /**
     * Checks a container's limits and requests.
     *
     * @param field the resources' field, e.g. {@code spec.containers[0].resources}
     * @param limits the limits, or null
     * @param requests the requests, or null
     * @throws io.jenkins.plugins.gputrain.core.spec.InvalidSpecException naming the first invalid field
     */
    static void check(String field, Map<String, Quantity> limits, Map<String, Quantity> requests) {
        Map<String, Quantity> limited = limits == null ? Map.of() : limits;
        Map<String, Quantity> requested = requests == null ? Map.of() : requests;
        limited.forEach((name, quantity) -> quantity(field + ".limits[" + name + "]", name, quantity));
        requested.forEach((name, request) -> {
            quantity(field + ".requests[" + name + "]", name, request);
            Quantity limit = limited.get(name);
            if (limit == null && !overcommitAllowed(name)) {
                throw PodValidation.invalid(
                        field + ".limits", "", "Limit must be set for non overcommitable resources");
            }
            int order = limit == null ? 0 : amount(request).compareTo(amount(limit));
            if (order != 0 && !overcommitAllowed(name)) {
                throw PodValidation.invalid(
                        field + ".requests", request.toString(), "must be equal to " + name + " limit of " + limit);
            }
            if (order > 0) {
                throw PodValidation.invalid(
                        field + ".requests",
                        request.toString(),
                        "must be less than or equal to " + name + " limit of " + limit);
            }
        });
        boolean hugepages = limited.keySet().stream().anyMatch(ContainerResourceRules::isHugepages)
                || requested.keySet().stream().anyMatch(ContainerResourceRules::isHugepages);
        boolean cpuOrMemory = limited.keySet().stream().anyMatch(CPU_OR_MEMORY::contains)
                || requested.keySet().stream().anyMatch(CPU_OR_MEMORY::contains);
        if (hugepages && !cpuOrMemory) {
            throw PodValidation.invalid(field, "", "Forbidden: HugePages require cpu or memory");
        }
    }

    private static void quantity(String field, String name, Quantity quantity) {
        name(field, name);
        BigDecimal amount = amount(quantity);
        if (amount.signum() < 0) {
            throw PodValidation.invalid(field, quantity.toString(), "must be greater than or equal to 0");
        }
        if (isExtended(name) && milli(amount).remainder(THOUSAND).signum() != 0) {
            throw PodValidation.invalid(field, quantity.toString(), "must be an integer");
        }
        if (isHugepages(name) && !wholePages(name, amount)) {
            throw PodValidation.invalid(
                    field, quantity.toString(), quantity + " is not positive integer multiple of " + name);
        }
    }

    private static void name(String field, String name) {
        if (!name.contains("/")) {
            if (!STANDARD.contains(name) && !isHugepages(name)) {
                throw PodValidation.invalid(field, name, "must be a standard resource for containers");
            }
        } else if (!isNative(name) && !isExtended(name)) {
            throw PodValidation.invalid(field, name, "doesn't follow extended resource name standard");
        }
    }

    /** {@code IsHugePageResourceValueDivisible}: the page size is a positive integer and the value (rounded up) a multiple. */
    private static boolean wholePages(String name, BigDecimal amount) {
        BigDecimal page;
        try {
            page = new Quantity(name.substring(HUGEPAGES.length())).getNumericalAmount();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (page.signum() <= 0 || milli(page).remainder(THOUSAND).signum() != 0) {
            return false;
        }
        return amount.setScale(0, RoundingMode.CEILING)
                        .remainder(page.setScale(0, RoundingMode.CEILING))
                        .signum()
                == 0;
    }

    /** Go's {@code Quantity.MilliValue()}: thousandths, rounded up. */
    private static BigDecimal milli(BigDecimal amount) {
        return amount.multiply(THOUSAND).setScale(0, RoundingMode.CEILING);
    }

    private static boolean isHugepages(String name) {
        return name.startsWith(HUGEPAGES);
    }

    /** {@code IsNativeResource}: no domain, or the {@code kubernetes.io} one. */
    private static boolean isNative(String name) {
        return !name.contains("/") || name.contains(KUBERNETES_DOMAIN);
    }

    /** {@code IsExtendedResourceName}: not native, and still a qualified name with the quota's {@code requests.} prefix. */
    private static boolean isExtended(String name) {
        return !isNative(name)
                && !name.startsWith(REQUESTS)
                && LabelSyntax.keyProblem(REQUESTS + name).isEmpty();
    }

    /** {@code IsOvercommitAllowed}: native and not hugepages. */
    private static boolean overcommitAllowed(String name) {
        return isNative(name) && !isHugepages(name);
    }

    private static BigDecimal amount(Quantity quantity) {
        try {
            return quantity.getNumericalAmount();
        } catch (IllegalArgumentException e) {
            throw PodValidation.invalid(
                    "resources",
                    String.valueOf(quantity),
                    "quantities must match the regular expression of a Kubernetes quantity");
        }
    }
}
