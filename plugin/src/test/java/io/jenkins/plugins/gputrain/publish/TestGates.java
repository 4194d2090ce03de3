package io.jenkins.plugins.gputrain.publish;

import com.thoughtworks.xstream.XStream;
import hudson.model.Descriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;

/** Quality gates for tests: as a Jenkinsfile or form binds them, as Configuration-as-Code does, as XStream loads them. */
public final class TestGates {
    private TestGates() {}

    /**
     * A valid gate, with the defaults where an argument is {@code null}.
     *
     * @throws AssertionError when the gate is refused (a test's own gates are valid)
     */
    public static MetricQualityGate gate(
            String metric, Double threshold, String type, String operator, String criticality) {
        try {
            MetricQualityGate gate = new MetricQualityGate(metric, threshold);
            if (type != null) {
                gate.setType(type);
            }
            if (operator != null) {
                gate.setOperator(operator);
            }
            if (criticality != null) {
                gate.setCriticality(criticality);
            }
            return gate;
        } catch (Descriptor.FormException e) {
            throw new AssertionError("a test gate was refused: " + e.getMessage(), e);
        }
    }

    /** A valid gate with the default type, operator and criticality. */
    public static MetricQualityGate gate(String metric, double threshold) {
        return gate(metric, threshold, null, null, null);
    }

    /**
     * A gate as Configuration-as-Code makes it from a YAML mapping: the {@code @DataBoundConstructor} called
     * reflectively with the mapping's values for its parameters ({@code DataBoundConfigurator.tryConstructor}), then
     * each remaining key's setter ({@code Attribute._setValue}: {@code writeMethod.invoke(target, value)}),
     * configuration-as-code {@code 58646eb6}. A refused value arrives, as there, as an
     * {@link InvocationTargetException} whose target is the gate's exception.
     */
    public static MetricQualityGate casc(Map<String, ?> yaml) throws ReflectiveOperationException {
        Constructor<?> constructor = dataBoundConstructor();
        Map<String, Object> rest = new LinkedHashMap<>(yaml);
        Object[] args = new Object[constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Object value = rest.remove(constructor.getParameters()[i].getName());
            args[i] = value instanceof Number number && !(value instanceof Double) ? number.doubleValue() : value;
        }
        MetricQualityGate gate = (MetricQualityGate) constructor.newInstance(args);
        for (Map.Entry<String, Object> entry : rest.entrySet()) {
            String name = entry.getKey();
            Method setter = MetricQualityGate.class.getMethod(
                    "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), String.class);
            setter.invoke(gate, entry.getValue());
        }
        return gate;
    }

    /**
     * A gate as XStream loads it from a job's or the global configuration's XML (a file edited by hand): no
     * constructor or setter runs, so nothing is checked.
     */
    public static MetricQualityGate handEdited(String metric, String threshold, String type) {
        XStream xstream = new XStream();
        // Resolve the gate class where gpu-train's classes are (in HpiRuntimeIT: the .hpi's loader), as Jenkins'
        // XStream2 resolves plugin classes through the plugin manager's class loader rather than XStream's own.
        xstream.setClassLoader(MetricQualityGate.class.getClassLoader());
        xstream.allowTypes(new Class<?>[] {MetricQualityGate.class});
        String tag = MetricQualityGate.class.getName();
        return (MetricQualityGate) xstream.fromXML("<" + tag + "><metric>" + metric + "</metric><threshold>" + threshold
                + "</threshold><type>" + type + "</type></" + tag + ">");
    }

    private static Constructor<?> dataBoundConstructor() {
        for (Constructor<?> constructor : MetricQualityGate.class.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor;
            }
        }
        throw new AssertionError("MetricQualityGate has no @DataBoundConstructor");
    }
}
