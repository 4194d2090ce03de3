package io.jenkins.plugins.gputrain.core.pipeline;

import io.jenkins.plugins.gputrain.core.pod.TrainingPodSpec;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one global default as it is typed on the configuration page, with the parsers the {@code gpuTrain} step
 * uses, so that the page shows the same one-line message a build would fail with. An empty value is fine: it means
 * the built-in default.
 */
public final class DefaultCheck {
    /** The fields of the global configuration that are not step arguments. */
    public static final String GPU_RESOURCE_NAME = "gpuResourceName";

    /** The accelerator label key field. */
    public static final String ACCELERATOR_LABEL_KEY = "acceleratorLabelKey";

    /** The trend length field. */
    public static final String TREND_LENGTH = "trendLength";

    private DefaultCheck() {}

    /**
     * Checks a value.
     *
     * @param field the field, named as in the configuration (and, for step arguments, as in a Jenkinsfile)
     * @param value the value as typed
     * @return what is wrong with it, or empty
     */
    public static Optional<String> problem(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            switch (field) {
                case GPU_RESOURCE_NAME -> TrainingPodSpec.builder("check").gpuResourceName(value);
                case ACCELERATOR_LABEL_KEY -> TrainingPodSpec.builder("check").acceleratorLabelKey(value);
                case TREND_LENGTH -> trendLength(value);
                default ->
                    TrainingPlan.of(
                            Map.of(StepArgument.named(field).argumentName(), value),
                            TrainingDefaults.BUILT_IN,
                            "check");
            }
            return Optional.empty();
        } catch (InvalidSpecException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void trendLength(String value) {
        String expected = "a whole number of builds from 1 to 1000";
        if (!value.strip().matches("\\d{1,4}")
                || Integer.parseInt(value.strip()) < 1
                || Integer.parseInt(value.strip()) > 1000) {
            throw new InvalidSpecException(TREND_LENGTH, value, "out of range", expected);
        }
    }
}
