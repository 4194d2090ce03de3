package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import java.util.List;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * {@code publishDvcMetrics}'s {@code qualityGates}: left out ({@code null}) means the global gates, an empty list
 * means no gates at all; the freestyle form tells the two apart with its checkbox, since an empty repeatable list
 * sends nothing.
 */
class QualityGateInheritanceTest {
    private static final String OWN = DvcMetricsRecorder.DescriptorImpl.OWN_GATES_ONLY;

    @Test
    void leftOutMeansTheGlobalGatesAndAnEmptyListNone() {
        DvcMetricsRecorder inherits = new DvcMetricsRecorder();
        DvcMetricsRecorder none = new DvcMetricsRecorder();
        none.setQualityGates(List.of());

        assertThat(inherits.getQualityGates())
                .as("structs' Snippet Generator leaves a null property out")
                .isNull();
        assertThat(none.getQualityGates()).isNotNull().isEmpty();
    }

    @Test
    void bothAreSavedAndLoadedAsTheyWere() {
        XStream xstream = new XStream();
        xstream.allowTypes(new Class<?>[] {DvcMetricsRecorder.class, MetricQualityGate.class});
        DvcMetricsRecorder none = new DvcMetricsRecorder();
        none.setQualityGates(List.of());

        assertThat(((DvcMetricsRecorder) xstream.fromXML(xstream.toXML(new DvcMetricsRecorder()))).getQualityGates())
                .isNull();
        assertThat(((DvcMetricsRecorder) xstream.fromXML(xstream.toXML(none))).getQualityGates())
                .isNotNull()
                .isEmpty();
    }

    @Test
    void theFormsCheckboxWithNoGateListedMeansNone() {
        DvcMetricsRecorder bound =
                DvcMetricsRecorder.DescriptorImpl.withGateChoice(new DvcMetricsRecorder(), form(true));

        assertThat(bound.getQualityGates()).isNotNull().isEmpty();
    }

    @Test
    void theFormWithoutTheCheckboxAndNoGateListedMeansTheGlobalGates() {
        DvcMetricsRecorder bound =
                DvcMetricsRecorder.DescriptorImpl.withGateChoice(new DvcMetricsRecorder(), form(false));

        assertThat(bound.getQualityGates()).isNull();
    }

    @Test
    void gatesListedInTheFormReplaceTheGlobalOnesEitherWay() {
        for (boolean own : new boolean[] {true, false}) {
            DvcMetricsRecorder listed = new DvcMetricsRecorder();
            listed.setQualityGates(List.of(TestGates.gate("evaluation/metrics.json:acc", -0.01)));

            assertThat(DvcMetricsRecorder.DescriptorImpl.withGateChoice(listed, form(own))
                            .getQualityGates())
                    .hasSize(1);
        }
    }

    /** The action's form as Jenkins' buildFormTree sends it with no gate listed: the checkbox always sends its state. */
    private static JSONObject form(boolean ownGatesOnly) {
        JSONObject form = new JSONObject();
        form.put("baseline", "main");
        form.put(OWN, ownGatesOnly);
        return form;
    }
}
