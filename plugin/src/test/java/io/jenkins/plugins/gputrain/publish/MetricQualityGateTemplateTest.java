package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A gate row added on the configuration page shows the defaults a gate gets when the field is left out. Jenkins
 * renders the new row's template with no instance ({@code <j:set var="${var}" value="${null}"/>} in
 * {@code core/src/main/resources/lib/form/repeatable.jelly}, jenkins-2.555.3), so {@code lib/form/select.jelly} takes
 * {@code attrs.value ?: instance[attrs.field] ?: attrs.default} as the value and renders it as the one option; when
 * {@code doFill…Items} answers, {@code lib/form/select/select.js} ({@code updateListBox}) keeps the option whose value
 * equals it, and otherwise the browser selects the first option of the list.
 */
class MetricQualityGateTemplateTest {
    private static final String FORM = "/lib/form";

    /** The values {@code doFill…Items} lists, in order, for a user who may configure the job. */
    private static final Map<String, List<String>> LISTS = Map.of(
            "type", MetricQualityGate.DescriptorImpl.typeChoices(),
            "operator", MetricQualityGate.DescriptorImpl.operatorChoices(),
            "criticality", MetricQualityGate.DescriptorImpl.criticalityChoices());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"type", "operator", "criticality"})
    void aNewRowSelectsWhatAGateWithoutTheFieldGets(String field) throws Exception {
        MetricQualityGate leftOut = TestGates.gate("evaluation/metrics.json:acc", -0.01);
        Map<String, Function<MetricQualityGate, String>> getters = Map.of(
                "type", MetricQualityGate::getType,
                "operator", MetricQualityGate::getOperator,
                "criticality", MetricQualityGate::getCriticality);

        assertThat(newRowSelection(field)).isEqualTo(getters.get(field).apply(leftOut));
    }

    /** What the select of {@code field} shows in a new row: select.jelly's value with no instance, then select.js. */
    private String newRowSelection(String field) throws ParserConfigurationException, SAXException, IOException {
        Element select = select(field);
        String value = select.hasAttribute("value") ? select.getAttribute("value") : null;
        if (value == null && select.hasAttribute("default")) {
            value = select.getAttribute("default");
        }
        List<String> options = LISTS.get(field);
        assertThat(options).as("the %s list", field).isNotEmpty();
        return options.contains(value) ? value : options.get(0);
    }

    private static Element select(String field) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream jelly = MetricQualityGate.class.getResourceAsStream("MetricQualityGate/config.jelly")) {
            assertThat(jelly).as("MetricQualityGate/config.jelly").isNotNull();
            NodeList entries = factory.newDocumentBuilder().parse(jelly).getElementsByTagNameNS(FORM, "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                NodeList selects = entry.getElementsByTagNameNS(FORM, "select");
                if (field.equals(entry.getAttribute("field")) && selects.getLength() == 1) {
                    return (Element) selects.item(0);
                }
            }
        }
        throw new AssertionError("config.jelly has no f:select for " + field);
    }
}
