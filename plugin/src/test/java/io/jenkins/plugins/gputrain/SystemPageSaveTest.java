package io.jenkins.plugins.gputrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.publish.MetricQualityGate;
import io.jenkins.plugins.gputrain.publish.TestGates;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Saving the System page's section ({@link GpuTrainConfiguration#configure}) as Stapler binds it:
 * {@code RequestImpl.bindJSON(Object, JSONObject)} (jenkinsci/stapler {@code 135bbbc8}, lines 637-666) calls the
 * bean's setter of each key the form sends, one key at a time in the form's order, and rethrows the first setter's
 * exception; {@code config.jelly} sends {@code qualityGates} last. Every setter saves, and {@code
 * Jenkins.doConfigSubmit}'s BulkChange is on Jenkins, not on this descriptor (jenkins-2.555.3), so what a setter
 * saves while the form is bound is what the disk holds.
 */
class SystemPageSaveTest {
    private static final String REFUSED = "quality gate 'm.json:acc' type 'x': unknown gate type";
    private static final List<MetricQualityGate> SAVED_GATES =
            List.of(TestGates.gate("evaluation/metrics.json:acc", -0.01));

    private final List<Map<String, Object>> onDisk = new ArrayList<>();
    private final GpuTrainConfiguration configuration = new GpuTrainConfiguration() {
        @Override
        public synchronized void load() {}

        @Override
        public synchronized void save() {
            onDisk.add(state(this));
        }
    };

    @Test
    void aRefusedGateLeavesTheConfigurationAsSavedInMemoryAndOnDisk() {
        configuration.setBaseline("main");
        configuration.setQualityGates(SAVED_GATES);
        Map<String, Object> saved = state(configuration);
        int saves = onDisk.size();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("baseline", "develop");
        form.put("retries", 5);
        form.put("qualityGates", new IllegalStateException(REFUSED));

        assertThatThrownBy(() -> configuration.configure(stapler(form), json(form)))
                .hasMessage(REFUSED);

        assertThat(state(configuration)).as("in memory").isEqualTo(saved);
        assertThat(onDisk).as("nothing saved while the form was bound").hasSize(saves);
        assertThat(onDisk.get(onDisk.size() - 1)).as("on disk").isEqualTo(saved);
    }

    @Test
    void aSavedFormAppliesEveryValueAndSavesOnce() {
        configuration.setBaseline("main");
        int saves = onDisk.size();
        List<MetricQualityGate> gates = List.of(TestGates.gate("evaluation/metrics.json:loss", 0.5));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("baseline", "develop");
        form.put("retries", 5);
        form.put("qualityGates", gates);

        assertThat(configuration.configure(stapler(form), json(form))).isTrue();

        assertThat(configuration.getBaseline()).isEqualTo("develop");
        assertThat(configuration.getRetries()).isEqualTo(5);
        assertThat(configuration.getQualityGates()).isEqualTo(gates);
        assertThat(onDisk).hasSize(saves + 1);
        assertThat(onDisk.get(onDisk.size() - 1)).isEqualTo(state(configuration));
    }

    @Test
    void aFormWithTheLastGateDeletedLeavesNoGate() {
        configuration.setBaseline("develop");
        configuration.setQualityGates(SAVED_GATES);
        // an empty repeatable list sends no key, and Stapler binds only the keys sent
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("retries", 2);

        assertThat(configuration.configure(stapler(form), json(form))).isTrue();

        assertThat(configuration.getQualityGates()).isEmpty();
        assertThat(configuration.getBaseline()).isEqualTo("develop");
        assertThat(onDisk.get(onDisk.size() - 1)).isEqualTo(state(configuration));
    }

    @Test
    void everyFieldKeepsItsValueWhenTheFormLeavesItOutAndTakesTheFormsOtherwise() throws Exception {
        Map<String, Object> before = distinctValues("before");
        set(configuration, before);
        assertThat(before).doesNotContainEntry("gpuToleration", true).containsEntry("skipPublishingChecks", true);

        configuration.configure(binding(bean -> {}), new JSONObject().element("qualityGates", List.of()));
        assertThat(state(configuration)).isEqualTo(before);

        Map<String, Object> after = distinctValues("after");
        configuration.configure(binding(bean -> set(bean, after)), new JSONObject().element("qualityGates", List.of()));
        assertThat(state(configuration)).isEqualTo(after);
    }

    /** Stapler's binding of {@code form}: each key's setter in order, the first exception rethrown. */
    private static StaplerRequest2 stapler(Map<String, Object> form) {
        return binding(bean -> {
            for (Map.Entry<String, Object> entry : form.entrySet()) {
                if (entry.getValue() instanceof RuntimeException refused) {
                    throw refused; // the gate's FormException, wrapped by Stapler (RequestImpl.launderITE)
                }
                PropertyDescriptor property = Arrays.stream(
                                Introspector.getBeanInfo(bean.getClass()).getPropertyDescriptors())
                        .filter(p -> p.getName().equals(entry.getKey()) && p.getWriteMethod() != null)
                        .findFirst()
                        .orElseThrow();
                try {
                    property.getWriteMethod().invoke(bean, entry.getValue());
                } catch (InvocationTargetException e) {
                    throw (RuntimeException) e.getTargetException();
                }
            }
        });
    }

    private static StaplerRequest2 binding(Binder binder) {
        return (StaplerRequest2) Proxy.newProxyInstance(
                StaplerRequest2.class.getClassLoader(),
                new Class<?>[] {StaplerRequest2.class},
                (proxy, method, args) -> {
                    assertThat(method.getName()).isEqualTo("bindJSON");
                    assertThat(args[0]).isInstanceOf(GpuTrainConfiguration.class);
                    binder.bind((GpuTrainConfiguration) args[0]);
                    return null;
                });
    }

    private interface Binder {
        void bind(GpuTrainConfiguration bean) throws ReflectiveOperationException, IntrospectionException;
    }

    /** The form's keys (its values are what {@link #stapler} binds). */
    private static JSONObject json(Map<String, Object> form) {
        JSONObject json = new JSONObject();
        form.keySet().forEach(key -> json.element(key, ""));
        return json;
    }

    /** What XStream saves: every instance field that is not transient. */
    private static List<Field> savedFields() {
        return Arrays.stream(GpuTrainConfiguration.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
                .peek(f -> f.setAccessible(true))
                .toList();
    }

    private static Map<String, Object> state(GpuTrainConfiguration configuration) {
        Map<String, Object> state = new LinkedHashMap<>();
        try {
            for (Field field : savedFields()) {
                state.put(field.getName(), field.get(configuration));
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return state;
    }

    /** A value for every saved field, different for each tag ({@code before}: none a default). */
    private static Map<String, Object> distinctValues(String tag) {
        Map<String, Object> defaults = state(new GpuTrainConfiguration() {
            @Override
            public synchronized void load() {}
        });
        Map<String, Object> values = new LinkedHashMap<>();
        int n = tag.length() * 10;
        for (Field field : savedFields()) {
            Class<?> type = field.getType();
            Object value;
            if (type == String.class) {
                value = tag + "-" + field.getName();
            } else if (type == int.class) {
                value = ++n;
            } else if (type == boolean.class) {
                value = tag.equals("before") != (Boolean) defaults.get(field.getName());
            } else if (type == List.class) {
                value = List.of(TestGates.gate("evaluation/" + tag + ".json:acc", -0.01));
            } else {
                throw new AssertionError("a field of a type this test does not fill: " + field);
            }
            values.put(field.getName(), value);
        }
        return values;
    }

    private static void set(GpuTrainConfiguration configuration, Map<String, Object> values)
            throws IllegalAccessException {
        for (Field field : savedFields()) {
            field.set(configuration, values.get(field.getName()));
        }
    }
}
