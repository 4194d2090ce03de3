package io.jenkins.plugins.gputrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults;
import io.jenkins.plugins.gputrain.core.pipeline.TrainingPlan;
import io.jenkins.plugins.gputrain.publish.MetricQualityGate;
import io.jenkins.plugins.gputrain.publish.TestGates;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The global defaults: what an empty form means, what a filled one gives, and the CasC example kept in step. */
class GpuTrainConfigurationTest {
    private static final Path CASC_EXAMPLE = Path.of("../work/casc/gpu-train.yaml");

    @Test
    void anEmptyConfigurationGivesTheBuiltInDefaults() {
        assertThat(configuration().toDefaults()).isEqualTo(TrainingDefaults.BUILT_IN);
        assertThat(configuration().getTrendLength()).isEqualTo(GpuTrainConfiguration.DEFAULT_TREND_LENGTH);
    }

    @Test
    void configuredValuesAreTheDefaultsAndBlankFieldsFallBackToTheBuiltInOnes() {
        GpuTrainConfiguration configuration = configuration();
        configuration.setCloud("gpu-cluster");
        configuration.setNamespace(" ml ");
        configuration.setImage("");
        configuration.setNodeSelector("gpu=true");
        configuration.setCpuMemory("4-16000+nvidia-tesla-t4*1");
        configuration.setGpuResourceName("  ");
        configuration.setAcceleratorLabelKey("cloud.google.com/gke-accelerator");
        configuration.setGpuToleration(false);
        configuration.setBaseline("develop");
        configuration.setPendingTimeout("10m");
        configuration.setTimeout("4h");
        configuration.setRetries(-3);
        configuration.setDvcRemoteCredentialsId("dvc-remote");

        assertThat(configuration.toDefaults())
                .isEqualTo(new TrainingDefaults(
                        "gpu-cluster",
                        "ml",
                        TrainingDefaults.BUILT_IN.image(),
                        "gpu=true",
                        "4-16000+nvidia-tesla-t4*1",
                        TrainingDefaults.BUILT_IN.gpuResourceName(),
                        "cloud.google.com/gke-accelerator",
                        false,
                        "develop",
                        "10m",
                        "4h",
                        0,
                        "dvc-remote"));
    }

    @Test
    void stepArgumentsWinOverGlobalDefaultsWhichWinOverBuiltInOnes() {
        GpuTrainConfiguration configuration = configuration();
        configuration.setCpuMemory("2-4000");
        configuration.setBaseline("develop");

        TrainingPlan globalOnly = TrainingPlan.of(Map.of(), configuration.toDefaults(), "b-1");
        TrainingPlan stepArgument = TrainingPlan.of(Map.of("cpuMemory", "1-2000"), configuration.toDefaults(), "b-1");

        assertThat(globalOnly.summary()).startsWith("cpu 2, memory 4000M");
        assertThat(stepArgument.summary()).startsWith("cpu 1, memory 2000M");
        assertThat(globalOnly.publishArguments()).containsEntry("baseline", "develop");
        assertThat(globalOnly.summary()).endsWith("image " + TrainingDefaults.BUILT_IN.image());
    }

    @Test
    void theCascExampleSetsExactlyTheDataBoundProperties() throws IOException {
        Set<String> properties = dataBoundProperties(GpuTrainConfiguration.class);

        assertThat(cascKeys()).isEqualTo(properties);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCascQualityGatesHaveTheGateConstructorsAndSettersKeys() throws IOException, ReflectiveOperationException {
        Set<String> settable = dataBoundProperties(MetricQualityGate.class);
        Set<String> required = Arrays.stream(MetricQualityGate.class.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .flatMap(c -> Arrays.stream(c.getParameters()).map(Parameter::getName))
                .collect(Collectors.toSet());
        Set<String> all = new HashSet<>(settable);
        all.addAll(required);

        List<Map<String, Object>> gates =
                (List<Map<String, Object>>) cascGpuTrain().get("qualityGates");

        assertThat(required).containsExactlyInAnyOrder("metric", "threshold");
        assertThat(gates).hasSize(2);
        assertThat(gates)
                .allSatisfy(
                        gate -> assertThat(gate.keySet()).containsAll(required).isSubsetOf(all));
        assertThat(gates.get(1).keySet()).isEqualTo(all);
        for (Map<String, Object> gate : gates) {
            assertThat(TestGates.casc(gate).toGate().metric().file()).isEqualTo("evaluation/metrics.json");
        }
    }

    @Test
    void everyPropertyIsInTheFormAndTheDocs() throws IOException {
        String form = Files.readString(
                Path.of("src/main/resources/io/jenkins/plugins/gputrain/GpuTrainConfiguration/config.jelly"));
        String docs = Files.readString(Path.of("../docs/configuration-as-code.md"));

        for (String key : cascKeys()) {
            assertThat(form).contains("field=\"" + key + "\"");
            assertThat(docs).contains("`" + key + "`");
        }
    }

    /** The properties of a class's {@code @DataBoundSetter}s: {@code setTrendLength} is {@code trendLength}. */
    private static Set<String> dataBoundProperties(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class))
                .map(Method::getName)
                .map(name -> Character.toLowerCase(name.charAt(3)) + name.substring(4))
                .collect(Collectors.toSet());
    }

    private static Set<String> cascKeys() throws IOException {
        return cascGpuTrain().keySet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cascGpuTrain() throws IOException {
        try (Reader reader = Files.newBufferedReader(CASC_EXAMPLE)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<String, Object> unclassified = (Map<String, Object>) root.get("unclassified");
            return (Map<String, Object>) unclassified.get("gpuTrain");
        }
    }

    /** The configuration as Jenkins would create it, without Jenkins' own storage. */
    private static GpuTrainConfiguration configuration() {
        return new GpuTrainConfiguration() {
            @Override
            public synchronized void load() {}

            @Override
            public synchronized void save() {}
        };
    }
}
