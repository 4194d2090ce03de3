package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import io.jenkins.plugins.gputrain.core.gate.Threshold;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * The quality gate row of the job form: its lists are empty and its checks refused for a user who may not configure
 * the job (Jenkins' rules for form endpoints; credentials-plugin's documentation for lists), and a threshold left
 * empty is an error naming the gate and the field.
 */
class MetricQualityGateFormTest {
    private final MetricQualityGate.DescriptorImpl descriptor = new MetricQualityGate.DescriptorImpl();
    private final List<String> asked = new ArrayList<>();

    @Test
    void theListsAreEmptyForAUserWhoMayNotConfigureTheJob() {
        Item job = jobWithout();

        assertThat(descriptor.doFillTypeItems(job)).isEmpty();
        assertThat(descriptor.doFillOperatorItems(job)).isEmpty();
        assertThat(descriptor.doFillCriticalityItems(job)).isEmpty();
        assertThat(asked).containsExactly("hasPermission", "hasPermission", "hasPermission");
    }

    @Test
    void theChecksAreRefusedToAUserWhoMayNotConfigureTheJobBeforeLookingAtTheValue() {
        Item job = jobWithout();

        assertThatThrownBy(() -> descriptor.doCheckMetric(job, "no colon")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> descriptor.doCheckThreshold(job, "evaluation/metrics.json:acc", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(asked).containsExactly("checkPermission", "checkPermission");
    }

    @ParameterizedTest(name = "threshold ''{0}''")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aMissingThresholdIsAnErrorNamingTheGateAndTheField(String threshold) {
        assertThat(MetricQualityGate.DescriptorImpl.thresholdProblem(" evaluation/metrics.json:acc ", threshold))
                .contains("quality gate 'evaluation/metrics.json:acc' threshold '"
                        + (threshold == null ? "" : threshold) + "': missing (expected " + Threshold.EXPECTED + ")");
        assertThat(MetricQualityGate.DescriptorImpl.thresholdProblem(null, threshold))
                .contains("quality gate '' threshold '" + (threshold == null ? "" : threshold) + "': missing (expected "
                        + Threshold.EXPECTED + ")");
    }

    @Test
    void aThresholdIsANumber() {
        assertThat(MetricQualityGate.DescriptorImpl.thresholdProblem("evaluation/metrics.json:acc", " -0.01 "))
                .isEmpty();
        assertThat(MetricQualityGate.DescriptorImpl.thresholdProblem("evaluation/metrics.json:acc", "1%"))
                .contains("quality gate 'evaluation/metrics.json:acc' threshold '1%': is not a number (expected "
                        + Threshold.EXPECTED + ")");
    }

    /** A job the current user may not configure: Jenkins' ACL answers no, and denies with AccessDeniedException. */
    private Item jobWithout() {
        return (Item) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Item.class}, (p, m, a) -> {
            asked.add(m.getName());
            return switch (m.getName()) {
                case "hasPermission" -> false;
                case "checkPermission" -> throw new AccessDeniedException("may not configure");
                default -> throw new UnsupportedOperationException(m.getName());
            };
        });
    }
}
