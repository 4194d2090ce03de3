package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor;
import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.gate.Threshold;
import io.jenkins.plugins.gputrain.core.report.PublishedReport;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.HttpResponse;

/**
 * A bad gate is refused where it is configured, with one line naming the gate; one that still reaches a build (its
 * XML edited by hand) fails the build only after the report is written.
 */
class MetricQualityGateBindingTest {
    private static final String ACC = "evaluation/metrics.json:acc";

    @TempDir
    Path directory;

    @Test
    void aBadMetricOrThresholdIsRefusedByTheConstructor() {
        assertThatThrownBy(() -> new MetricQualityGate(ACC, null))
                .isInstanceOf(Descriptor.FormException.class)
                .hasMessage("quality gate '" + ACC + "' threshold '': missing (expected " + Threshold.EXPECTED + ")");
        assertThatThrownBy(() -> new MetricQualityGate(ACC, "Infinity"))
                .hasMessageStartingWith("quality gate '" + ACC + "' threshold 'Infinity': is not a number");
        assertThatThrownBy(() -> new MetricQualityGate("metrics.json", "-0.01"))
                .isInstanceOf(Descriptor.FormException.class)
                .hasMessageStartingWith("quality gate 'metrics.json' metric 'metrics.json': ");
    }

    static Stream<Arguments> unknownChoices() {
        return Stream.of(
                Arguments.of(
                        "type",
                        "chnage",
                        "quality gate 'evaluation/metrics.json:acc' type 'chnage': unknown gate type"
                                + " (expected one of change, value)"),
                Arguments.of(
                        "operator",
                        "=>",
                        "quality gate 'evaluation/metrics.json:acc' operator '=>': unknown operator"
                                + " (expected one of >=, >, <=, <)"),
                Arguments.of(
                        "criticality",
                        "fatal",
                        "quality gate 'evaluation/metrics.json:acc' criticality 'fatal': unknown criticality"
                                + " (expected one of unstable, failure)"));
    }

    static Stream<Arguments> badJenkinsfileGates() {
        return Stream.concat(
                unknownChoices(),
                Stream.of(
                        Arguments.of(
                                "threshold",
                                "0,01",
                                "quality gate 'evaluation/metrics.json:acc' threshold '0,01': is not a number"),
                        Arguments.of("metric", "metrics.json", "quality gate 'metrics.json' metric 'metrics.json': ")));
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @MethodSource("unknownChoices")
    void anUnknownChoiceIsRefusedByItsSetterNamingTheAllowedValues(String field, String value, String message) {
        Map<String, Object> yaml = Map.of("metric", ACC, "threshold", -0.01, field, value);

        assertThatThrownBy(() -> TestGates.casc(yaml))
                .isInstanceOf(InvocationTargetException.class)
                .cause()
                .isInstanceOf(Descriptor.FormException.class)
                .hasMessage(message)
                .hasNoCause();
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @MethodSource("badJenkinsfileGates")
    void aBadGateInAJenkinsfileIsRefusedByStructsWithTheGatesOneLineAsItsMessage(
            String field, String value, String message) {
        Map<String, Object> arguments = new LinkedHashMap<>(Map.of("metric", ACC, "threshold", -0.01));
        arguments.put(field, value);

        // the message Pipeline prints first: structs calls customInstantiate outside its "Could not instantiate" try
        assertThatThrownBy(() -> TestGates.pipeline(arguments))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "Exception", "instantiate"));
    }

    @Test
    void aJenkinsfileGateWithoutThresholdIsRefusedAsMissing() {
        assertThatThrownBy(() -> TestGates.pipeline(Map.of("metric", ACC)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("quality gate '" + ACC + "' threshold '': missing");
    }

    @Test
    void unnamedArgumentsAreLeftToStructs() {
        // structs refuses them itself after customInstantiate ("Arguments to … have to be explicitly named")
        Map<String, Object> unnamed = Map.of("<anonymous>", ACC);

        assertThat(new MetricQualityGate.DescriptorImpl().customInstantiate(unnamed))
                .isEqualTo(unnamed);
    }

    @Test
    void theRefusalIsAnHttpResponseSoJenkinsShowsItAsAFormError() {
        // Stapler's RequestImpl.launderITE wraps a thrown HttpResponse (HttpResponses.wrap) and Descriptor.newInstance
        // rethrows a RuntimeException that is an HttpResponse; anything else becomes a LinkageError with a stack trace
        assertThatThrownBy(() -> TestGates.casc(Map.of("metric", ACC, "threshold", -0.01, "type", "chnage")))
                .cause()
                .isInstanceOf(HttpResponse.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "Exception"));
    }

    @Test
    void aHandEditedGateFailsTheBuildAfterTheWholeReportIsWritten() throws IOException {
        ConfiguredGates gates = ConfiguredGates.of(List.of(
                TestGates.gate(ACC, -0.01), TestGates.handEdited("evaluation/metrics.json:val_acc", "0.3", "chnage")));

        Path workspace = guideWorkspace("gated");
        PublishedReport report =
                new ReportCallable("main", "gpu-train", null, gates.gates()).invoke(workspace.toFile(), null);
        Path ungated = guideWorkspace("ungated");
        PublishedReport withoutGates = new ReportCallable("main", "gpu-train", null).invoke(ungated.toFile(), null);

        assertThat(gates.optionalProblem())
                .contains("[gpu-train] publishDvcMetrics: quality gate 'evaluation/metrics.json:val_acc' type 'chnage':"
                        + " unknown gate type (expected one of change, value); the report was published without gates");
        assertThat(report.files()).isEqualTo(withoutGates.files()).contains("gpu-train/report.md");
        assertThat(workspace.resolve("gpu-train/report.md"))
                .hasSameTextualContentAs(ungated.resolve("gpu-train/report.md"));
        assertThat(new DvcReportAction("gpu-train", report, null).getMetricsRows())
                .isNotEmpty();
    }

    @Test
    void goodGatesAreAllEvaluated() {
        ConfiguredGates gates = ConfiguredGates.of(List.of(TestGates.gate(ACC, -0.01)));

        assertThat(gates.gates()).singleElement().satisfies(gate -> assertThat(gate.condition())
                .isEqualTo(ACC + " change >= -0.01"));
        assertThat(gates.optionalProblem()).isEmpty();
    }

    @Test
    void aChoiceInAnyCaseOrBlankIsAccepted() throws ReflectiveOperationException {
        MetricQualityGate gate = TestGates.casc(
                Map.of("metric", ACC, "threshold", -0.01, "type", "Value", "operator", " ", "criticality", "UNSTABLE"));

        assertThat(gate.toGate().describe()).isEqualTo(ACC + " value >= -0.01 unstable");
    }

    private Path guideWorkspace(String name) throws IOException {
        return FixtureRepository.create("celestial-bodies", directory.resolve(name), Set.of("evaluation/metrics.json"));
    }
}
