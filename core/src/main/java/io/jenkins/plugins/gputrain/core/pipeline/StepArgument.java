package io.jenkins.plugins.gputrain.core.pipeline;

import io.jenkins.plugins.gputrain.core.gate.GateArguments;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The arguments of {@code gpuTrain(…)} as users type them in a Jenkinsfile, each with the type of value it takes.
 * Values arrive from Groovy as strings (or GStrings), booleans, numbers or lists.
 */
public enum StepArgument {
    /** Node labels: {@code 'gpu=true'}, {@code 'a=b,c=d'} or a list of such strings. */
    NODE_SELECTOR("nodeSelector", Kind.TEXTS),
    /** The machine: {@code '1-2000'}, {@code '4-16000+nvidia-tesla-t4*1'}, {@code 's'}…{@code 'xl'}. */
    CPU_MEMORY("cpuMemory", Kind.TEXT),
    /** The training image. */
    IMAGE("image", Kind.TEXT),
    /** The kubernetes-plugin cloud. */
    CLOUD("cloud", Kind.TEXT),
    /** The namespace. */
    NAMESPACE("namespace", Kind.TEXT),
    /** The revision the report compares with. */
    BASELINE("baseline", Kind.TEXT),
    /** New pods after a lost agent pod. */
    RETRIES("retries", Kind.COUNT),
    /** How long the pod may run ({@code activeDeadlineSeconds}). */
    TIMEOUT("timeout", Kind.TEXT),
    /** How long the agent pod may take to come online. */
    PENDING_TIMEOUT("pendingTimeout", Kind.TEXT),
    /** Whether to {@code checkout scm} in the pod. */
    CHECKOUT("checkout", Kind.FLAG),
    /** Credentials bound for the DVC remote. */
    DVC_REMOTE_CREDENTIALS_ID("dvcRemoteCredentialsId", Kind.TEXT),
    /** Whether to publish the report after the body. */
    PUBLISH("publish", Kind.FLAG),
    /** Where the report bundle goes in the workspace. */
    REPORT_DIR("reportDir", Kind.TEXT),
    /** Taints tolerated besides the GPU one: {@code 'key[=value][:effect]'} or a list. */
    TOLERATIONS("tolerations", Kind.TEXTS),
    /** Pod YAML merged over the generated pod. */
    YAML("yaml", Kind.TEXT),
    /** Quality gates for the report: a list of maps ({@link GateArguments}). */
    QUALITY_GATES(GateArguments.FIELD, Kind.GATES),
    /** The name of the pull request check. */
    CHECKS_NAME("checksName", Kind.TEXT),
    /** Whether to leave out the pull request check (warnings-ng's and coverage's {@code skipPublishingChecks}). */
    SKIP_PUBLISHING_CHECKS("skipPublishingChecks", Kind.FLAG);

    /** The largest {@code retries}. */
    public static final int MAX_RETRIES = 10;

    private final String argumentName;
    private final Kind kind;

    StepArgument(String argumentName, Kind kind) {
        this.argumentName = argumentName;
        this.kind = kind;
    }

    /** The name in a Jenkinsfile, e.g. {@code cpuMemory}. */
    public String argumentName() {
        return argumentName;
    }

    /**
     * Finds an argument by its Jenkinsfile name.
     *
     * @param name the name as typed
     * @return the argument
     * @throws InvalidSpecException listing the valid names when there is none of that name
     */
    public static StepArgument named(String name) {
        return Arrays.stream(values())
                .filter(a -> a.argumentName.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidSpecException("gpuTrain", name, "unknown argument", "one of " + names()));
    }

    /** The valid names, sorted, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(StepArgument::argumentName).sorted().collect(Collectors.joining(", "));
    }

    /** A text value; blank counts as not given. */
    Optional<String> text(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof CharSequence)) {
            throw wrongType(value, "a string");
        }
        String text = value.toString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A list of texts: one string, or a list of strings. */
    List<String> texts(Object value) {
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>();
            for (Object element : list) {
                if (!(element instanceof CharSequence)) {
                    throw wrongType(element, "a string or a list of strings");
                }
                texts.add(element.toString());
            }
            return texts;
        }
        return text(value).map(List::of).orElse(List.of());
    }

    /** A boolean. */
    Optional<Boolean> flag(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        String text = value instanceof CharSequence ? value.toString().strip().toLowerCase(Locale.ROOT) : null;
        if ("true".equals(text) || "false".equals(text)) {
            return Optional.of(Boolean.valueOf(text));
        }
        throw wrongType(value, "true or false");
    }

    /** A whole number from 0 to {@link #MAX_RETRIES}. */
    Optional<Integer> count(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String expected = "a whole number from 0 to " + MAX_RETRIES;
        long number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof CharSequence text && text.toString().strip().matches("\\d{1,9}")) {
            number = Long.parseLong(text.toString().strip());
        } else {
            throw wrongType(value, expected);
        }
        if (number < 0 || number > MAX_RETRIES) {
            throw new InvalidSpecException(argumentName, String.valueOf(value), "out of range", expected);
        }
        return Optional.of((int) number);
    }

    /** Checks that the value has this argument's type. */
    void check(Object value) {
        switch (kind) {
            case TEXT -> text(value);
            case TEXTS -> texts(value);
            case FLAG -> flag(value);
            case COUNT -> count(value);
            case GATES -> GateArguments.of(value);
        }
    }

    private InvalidSpecException wrongType(Object value, String expected) {
        return new InvalidSpecException(
                argumentName,
                String.valueOf(value),
                "is a " + (value == null ? "null" : value.getClass().getSimpleName()),
                expected);
    }

    /** The types of values arguments take. */
    enum Kind {
        TEXT,
        TEXTS,
        FLAG,
        COUNT,
        GATES
    }
}
