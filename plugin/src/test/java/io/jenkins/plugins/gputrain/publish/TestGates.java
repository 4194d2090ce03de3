package io.jenkins.plugins.gputrain.publish;

import com.thoughtworks.xstream.XStream;
import groovy.lang.GString;
import hudson.model.Descriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.codehaus.groovy.reflection.ReflectionCache;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Quality gates for tests: as a Jenkinsfile (structs) or the form binds them, as Configuration-as-Code does, as
 * XStream loads them.
 */
public final class TestGates {
    private TestGates() {}

    /**
     * A valid gate, with the defaults where an argument is {@code null}.
     *
     * @throws AssertionError when the gate is refused (a test's own gates are valid)
     */
    public static MetricQualityGate gate(
            String metric, String threshold, String type, String operator, String criticality) {
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
        return gate(metric, String.valueOf(threshold), null, null, null);
    }

    /**
     * A gate as Configuration-as-Code makes it from a YAML mapping: the {@code @DataBoundConstructor} called
     * reflectively with the mapping's values for its parameters ({@code DataBoundConfigurator.tryConstructor}), then
     * each remaining key's setter ({@code Attribute._setValue}: {@code writeMethod.invoke(target, value)}),
     * configuration-as-code {@code 58646eb6}; every parameter is a {@code String}, which
     * {@code PrimitiveConfigurator.configure} fills with the YAML scalar's text ({@code -0.01} for {@code -0.01}). A
     * refused value arrives, as there, as an {@link InvocationTargetException} whose target is the gate's exception.
     */
    public static MetricQualityGate casc(Map<String, ?> yaml) throws ReflectiveOperationException {
        Constructor<?> constructor = dataBoundConstructor();
        Map<String, Object> rest = new LinkedHashMap<>(yaml);
        Object[] args = new Object[constructor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            Object value = rest.remove(constructor.getParameters()[i].getName());
            args[i] = value == null ? null : value.toString();
        }
        MetricQualityGate gate = (MetricQualityGate) constructor.newInstance(args);
        for (Map.Entry<String, Object> entry : rest.entrySet()) {
            setter(entry.getKey()).invoke(gate, String.valueOf(entry.getValue()));
        }
        return gate;
    }

    /**
     * A gate as a Jenkinsfile's {@code [metric: …, threshold: -0.01]} or {@code qualityGate(…)} makes it, following
     * structs' {@code DescribableModel.instantiate} (jenkinsci/structs-plugin {@code 1db2a48e}, lines 295-338): the
     * arguments, made unmodifiable, go to the descriptor's {@code customInstantiate} first, outside any {@code try};
     * then each is coerced to its {@code String} parameter or setter as {@code DescribableModel.coerce} does (Groovy's
     * {@code coerceArgument} for the type, a {@code GString} becomes its text, then a value that is a {@code String} or
     * {@code null} passes and any other is a {@code ClassCastException} "… expects class java.lang.String but
     * received …"), the constructor is called and the setters; anything thrown there becomes
     * {@code IllegalArgumentException("Could not instantiate " + arguments + " for " + type + ": " + x, x)}.
     */
    public static MetricQualityGate pipeline(Map<String, Object> arguments) {
        Map<String, Object> translated = new MetricQualityGate.DescriptorImpl()
                .customInstantiate(Collections.unmodifiableMap(new LinkedHashMap<>(arguments)));
        try {
            Map<String, Object> rest = new LinkedHashMap<>(translated);
            Constructor<?> constructor = dataBoundConstructor();
            Object[] args = new Object[constructor.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                String name = constructor.getParameters()[i].getName();
                args[i] = structsCoerce(MetricQualityGate.class.getName() + "." + name, rest.remove(name));
            }
            MetricQualityGate gate = (MetricQualityGate) constructor.newInstance(args);
            for (Map.Entry<String, Object> entry : rest.entrySet()) {
                setter(entry.getKey()).invoke(gate, structsCoerce(entry.getKey(), entry.getValue()));
            }
            return gate;
        } catch (Exception x) {
            throw new IllegalArgumentException(
                    "Could not instantiate " + translated + " for " + MetricQualityGate.class.getName() + ": " + x, x);
        }
    }

    /** structs' {@code DescribableModel.coerce} of a value to a {@code String} parameter (see {@link #pipeline}). */
    public static String structsCoerce(String context, Object value) {
        Object o = ReflectionCache.getCachedClass(String.class).coerceArgument(value);
        if (o instanceof GString) {
            o = o.toString();
        }
        if (o == null || o instanceof String) {
            return (String) o;
        }
        throw new ClassCastException(context + " expects " + String.class + " but received " + o.getClass());
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

    private static Method setter(String name) throws NoSuchMethodException {
        return MetricQualityGate.class.getMethod(
                "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), String.class);
    }

    /** The gate's {@code @DataBoundConstructor}, which Stapler, Configuration-as-Code and structs call. */
    public static Constructor<?> dataBoundConstructor() {
        for (Constructor<?> constructor : MetricQualityGate.class.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor;
            }
        }
        throw new AssertionError("MetricQualityGate has no @DataBoundConstructor");
    }
}
