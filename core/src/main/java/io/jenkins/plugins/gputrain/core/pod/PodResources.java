package io.jenkins.plugins.gputrain.core.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A pod's resources as the API server adds them up, after it has defaulted the pod ({@code pkg/apis/core/v1/defaults.go}
 * SetDefaults_Pod at v1.35.4: a container's limit without a request becomes its request; then, with the
 * PodLevelResources feature, on by default since 1.34, defaultHugePagePodLimits and defaultPodRequests). The sums are
 * component-helpers' (v0.35.4 {@code resource/helpers.go}) AggregateContainerRequests and AggregateContainerLimits:
 * the containers summed; sidecars (init containers with {@code restartPolicy: Always}) added to them and to every later
 * init container; the largest init container competing with the sum. Amounts are told as Go's {@code
 * Quantity.String()} tells them ({@code 1500m}, {@code 16000Mi}), in the format of the first amount summed.
 */
public final class PodResources {
    /** component-helpers' supportedPodLevelResources besides hugepages; both may be overcommitted. */
    private static final Set<String> CPU_OR_MEMORY = Set.of("cpu", "memory");

    private static final String HUGEPAGES = "hugepages-";
    private static final String SIDECAR = "Always";
    private static final Set<String> BINARY_SUFFIXES = Set.of("Ki", "Mi", "Gi", "Ti", "Pi", "Ei");
    private static final String[] BINARY_ORDER = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final Map<Integer, String> DECIMAL_SUFFIX =
            Map.of(-9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");

    private PodResources() {}

    /**
     * What the containers request in aggregate.
     *
     * @param spec the pod's spec
     * @return amount per resource name
     */
    public static SortedMap<String, Quantity> containerRequests(PodSpec spec) {
        return aggregate(spec, PodResources::requests);
    }

    /**
     * The containers' limits in aggregate.
     *
     * @param spec the pod's spec
     * @return amount per resource name
     */
    public static SortedMap<String, Quantity> containerLimits(PodSpec spec) {
        return aggregate(spec, container -> quantities(limitsOf(container.getResources())));
    }

    /**
     * The pod-level limits once defaulted: where {@code spec.resources} sets a limit or request at all, a hugepages
     * limit the containers have and the pod neither limits nor requests becomes theirs in aggregate.
     *
     * @param spec the pod's spec
     * @return amount per resource name, empty without {@code spec.resources}
     */
    public static SortedMap<String, Quantity> podLimits(PodSpec spec) {
        ResourceRequirements resources = spec.getResources();
        SortedMap<String, Quantity> limits = quantities(limitsOf(resources));
        if (resources == null
                || limits.isEmpty() && quantities(resources.getRequests()).isEmpty()) {
            return limits;
        }
        Map<String, Quantity> requests = quantities(resources.getRequests());
        containerLimits(spec).forEach((name, limit) -> {
            if (name.startsWith(HUGEPAGES) && !requests.containsKey(name)) {
                limits.putIfAbsent(name, limit);
            }
        });
        return limits;
    }

    /**
     * The pod-level requests once defaulted: only where there are pod-level limits ({@link #podLimits}), a missing cpu
     * or memory request becomes the containers' aggregated request when they request it, and any other missing
     * request of a pod-level resource its pod-level limit. An explicit pod-level request stays.
     *
     * @param spec the pod's spec
     * @return amount per resource name, empty without {@code spec.resources}
     */
    public static SortedMap<String, Quantity> podRequests(PodSpec spec) {
        ResourceRequirements resources = spec.getResources();
        SortedMap<String, Quantity> requests = quantities(resources == null ? null : resources.getRequests());
        SortedMap<String, Quantity> limits = podLimits(spec);
        if (limits.isEmpty()) {
            return requests;
        }
        containerRequests(spec).forEach((name, request) -> {
            if (CPU_OR_MEMORY.contains(name)) {
                requests.putIfAbsent(name, request);
            }
        });
        limits.forEach((name, limit) -> {
            if (isPodLevel(name)) {
                requests.putIfAbsent(name, limit);
            }
        });
        return requests;
    }

    /**
     * Whether pod-level {@code spec.resources} may name the resource (component-helpers' IsSupportedPodLevelResource).
     *
     * @param name a resource name
     * @return for {@code cpu}, {@code memory} and {@code hugepages-*}
     */
    public static boolean isPodLevel(String name) {
        return CPU_OR_MEMORY.contains(name) || name.startsWith(HUGEPAGES);
    }

    /**
     * An amount as Go's {@code Quantity.String()} writes it: binary suffixes ({@code Ki} … {@code Ei}) where the
     * amount is a whole number of at least 1024 in a binary format, else a decimal mantissa with the SI suffix of
     * an exponent that is a multiple of 3 ({@code 1500m}, {@code 2k}, {@code 16G}).
     *
     * @param amount the amount
     * @param binary whether the quantity's format is binary
     * @return e.g. {@code 16000Mi}
     */
    static Quantity canonical(BigDecimal amount, boolean binary) {
        if (amount.signum() == 0) {
            return new Quantity("0");
        }
        if (binary && amount.abs().compareTo(BigDecimal.valueOf(1024)) >= 0 && isWhole(amount)) {
            BigDecimal mantissa = amount.setScale(0);
            int power = 0;
            BigDecimal kibi = BigDecimal.valueOf(1024);
            while (power < BINARY_ORDER.length - 1
                    && mantissa.remainder(kibi).signum() == 0
                    && mantissa.abs().compareTo(kibi) >= 0) {
                mantissa = mantissa.divide(kibi);
                power++;
            }
            return new Quantity(mantissa.toPlainString(), BINARY_ORDER[power]);
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        BigDecimal mantissa = new BigDecimal(stripped.unscaledValue());
        int exponent = -stripped.scale();
        while (Math.floorMod(exponent, 3) != 0 || exponent > 18) {
            mantissa = mantissa.multiply(BigDecimal.TEN);
            exponent--;
        }
        return new Quantity(mantissa.toPlainString(), DECIMAL_SUFFIX.getOrDefault(exponent, "e" + exponent));
    }

    private static SortedMap<String, Quantity> aggregate(PodSpec spec, Function<Container, Map<String, Quantity>> own) {
        Sum total = new Sum();
        spec.getContainers().forEach(container -> total.add(own.apply(container)));
        Sum sidecars = new Sum();
        Sum initPeak = new Sum();
        for (Container init : spec.getInitContainers()) {
            Sum use = new Sum();
            if (SIDECAR.equals(init.getRestartPolicy())) {
                total.add(own.apply(init));
                sidecars.add(own.apply(init));
                use = sidecars;
            } else {
                use.add(own.apply(init));
                use.add(sidecars);
            }
            initPeak.max(use);
        }
        total.max(initPeak);
        return total.quantities();
    }

    /** A container's requests after defaulting: its limits where it requests nothing of a resource. */
    private static Map<String, Quantity> requests(Container container) {
        SortedMap<String, Quantity> requests = quantities(limitsOf(container.getResources()));
        if (container.getResources() != null) {
            requests.putAll(quantities(container.getResources().getRequests()));
        }
        return requests;
    }

    private static Map<String, Quantity> limitsOf(ResourceRequirements resources) {
        return resources == null ? null : resources.getLimits();
    }

    private static SortedMap<String, Quantity> quantities(Map<String, Quantity> quantities) {
        return quantities == null ? new TreeMap<>() : new TreeMap<>(quantities);
    }

    private static boolean isWhole(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0;
    }

    private static boolean isBinary(Quantity quantity) {
        return quantity.getFormat() != null && BINARY_SUFFIXES.contains(quantity.getFormat());
    }

    /** Go's addResourceList and maxResourceList: a sum keeps the format of its first amount, a maximum the larger's. */
    private static final class Sum {
        private final SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        private final Map<String, Boolean> binary = new TreeMap<>();

        void add(Map<String, Quantity> more) {
            more.forEach((name, quantity) -> add(name, quantity.getNumericalAmount(), isBinary(quantity)));
        }

        void add(Sum more) {
            more.amounts.forEach((name, amount) -> add(name, amount, more.binary.get(name)));
        }

        private void add(String name, BigDecimal amount, boolean isBinary) {
            binary.putIfAbsent(name, isBinary);
            amounts.merge(name, amount, BigDecimal::add);
        }

        void max(Sum other) {
            other.amounts.forEach((name, amount) -> {
                BigDecimal current = amounts.get(name);
                if (current == null || amount.compareTo(current) > 0) {
                    amounts.put(name, amount);
                    binary.put(name, other.binary.get(name));
                }
            });
        }

        SortedMap<String, Quantity> quantities() {
            SortedMap<String, Quantity> quantities = new TreeMap<>();
            amounts.forEach((name, amount) -> quantities.put(name, canonical(amount, binary.get(name))));
            return quantities;
        }
    }
}
