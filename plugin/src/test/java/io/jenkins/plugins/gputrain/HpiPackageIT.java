package io.jenkins.plugins.gputrain;

import static org.assertj.core.api.Assertions.assertThat;

import groovy.lang.Script;
import hudson.Extension;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.localizer.Localizable;

/** Opens the built {@code gpu-train.hpi} and checks what Jenkins will read from it. */
class HpiPackageIT {
    private static final String OUR_JAR = "WEB-INF/lib/gpu-train.jar";
    private static final List<String> FORBIDDEN_PREFIXES = List.of(
            "hudson/",
            "jenkins/",
            "org/jenkinsci/",
            "org/kohsuke/",
            "org/csanchez/",
            "io/fabric8/",
            "com/fasterxml/jackson/",
            "org/yaml/",
            "org/snakeyaml/",
            "org/slf4j/",
            "org/apache/commons/codec/",
            "net/sf/json/",
            "net/java/sezpoz/",
            "org/jvnet/localizer/",
            "io/jenkins/plugins/gputrain/build/");
    private static final Set<String> REQUIRED_PLUGINS = Set.of(
            "kubernetes",
            "kubernetes-client-api",
            "workflow-step-api",
            "workflow-cps",
            "credentials",
            "plain-credentials",
            "structs",
            "jackson2-api",
            "credentials-binding",
            "workflow-basic-steps",
            "workflow-durable-task-step");
    /** Plugins gpu-train uses when they are installed (resolution:=optional). */
    private static final Set<String> OPTIONAL_PLUGINS = Set.of("checks-api");

    @TempDir
    static Path unpacked;

    private static Attributes manifest;
    private static List<Path> bundledJars;
    private static Path ourJar;

    @BeforeAll
    static void unpack() throws IOException {
        Path hpi = Path.of(System.getProperty("hpi.file"));
        assertThat(hpi).isRegularFile();
        bundledJars = new ArrayList<>();
        try (JarFile jar = new JarFile(hpi.toFile())) {
            manifest = jar.getManifest().getMainAttributes();
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                if (entry.getName().startsWith("WEB-INF/lib/")
                        && entry.getName().endsWith(".jar")) {
                    Path target = unpacked.resolve(entry.getName().substring("WEB-INF/lib/".length()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    bundledJars.add(target);
                }
            }
        }
        ourJar = unpacked.resolve("gpu-train.jar");
    }

    @Test
    void manifestDescribesThePluginToJenkins() {
        assertThat(manifest.getValue("Short-Name")).isEqualTo("gpu-train");
        assertThat(manifest.getValue("Long-Name")).isEqualTo("GPU Train");
        assertThat(manifest.getValue("Group-Id")).isEqualTo("io.jenkins.plugins");
        assertThat(manifest.getValue("Url")).isEqualTo("https://github.com/jenkinsci/gpu-train-plugin");
        assertThat(manifest.getValue("Plugin-Version")).isEqualTo(System.getProperty("project.version"));
        assertThat(manifest.getValue("Jenkins-Version")).isEqualTo(System.getProperty("jenkins.version"));
        assertThat(manifest.getValue("Hudson-Version")).isEqualTo(System.getProperty("jenkins.version"));
        assertThat(manifest.getValue("Minimum-Java-Version")).isEqualTo("17");
        assertThat(manifest.getValue("Support-Dynamic-Loading")).isEqualTo("true");
        assertThat(manifest.getValue("Plugin-License-Name")).isEqualTo("MIT License");
        assertThat(manifest.getValue("Plugin-License-Url")).startsWith("https://");
        assertThat(manifest.getValue("Plugin-ScmUrl")).isEqualTo("https://github.com/jenkinsci/gpu-train-plugin");
        assertThat(manifest.getValue("Plugin-Class"))
                .as("no hudson.Plugin subclass")
                .isNull();
    }

    @Test
    void pluginDependenciesNameEveryRequiredPluginWithAVersion() {
        Map<String, String> dependencies = new LinkedHashMap<>();
        Set<String> optional = new TreeSet<>();
        for (String dependency : manifest.getValue("Plugin-Dependencies").split(",")) {
            if (dependency.endsWith(";resolution:=optional")) {
                optional.add(dependency.substring(0, dependency.indexOf(':')));
            }
            String[] nameAndVersion = dependency.split(":", 2);
            assertThat(nameAndVersion)
                    .as("entry %s is name:version", dependency)
                    .hasSize(2);
            String version = nameAndVersion[1].replace(";resolution:=optional", "");
            assertThat(version).as("version of %s", nameAndVersion[0]).matches("[0-9][0-9A-Za-z._-]*");
            dependencies.put(nameAndVersion[0], version);
        }

        Set<String> all = new TreeSet<>(REQUIRED_PLUGINS);
        all.addAll(OPTIONAL_PLUGINS);
        assertThat(dependencies.keySet()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(optional).as("optional dependencies").isEqualTo(OPTIONAL_PLUGINS);
        assertThat(dependencies.get("checks-api"))
                .as("the oldest checks-api whose API gpu-train calls is public (v1.0.2): a newer minimum keeps older"
                        + " installs from loading gpu-train")
                .isEqualTo("1.0.2");
        assertThat(dependencies.get("kubernetes-client-api"))
                .as("the API plugin must bundle the fabric8 version the core is built and tested with")
                .startsWith(System.getProperty("fabric8.version") + "-");
    }

    @Test
    void ourJarHoldsOnlyOurClassesWithViewsAndIndexes() throws IOException {
        assertThat(ourJar).isRegularFile();
        List<String> entries = entries(ourJar);

        assertThat(entries.stream().filter(e -> e.endsWith(".class")))
                .isNotEmpty()
                .allMatch(e -> e.startsWith("io/jenkins/plugins/gputrain/"), "is under io/jenkins/plugins/gputrain/");
        assertThat(entries)
                .contains(
                        "index.jelly",
                        "META-INF/annotations/hudson.Extension",
                        "META-INF/annotations/org.jenkinsci.Symbol",
                        "io/jenkins/plugins/gputrain/Messages.properties",
                        "io/jenkins/plugins/gputrain/GpuTrainConfiguration/config.jelly");
    }

    @Test
    void bundlesTheCoreAndNothingJenkinsOrItsPluginsProvide() throws IOException {
        assertThat(bundledJars.stream().map(p -> p.getFileName().toString()))
                .contains("gpu-train.jar", "gpu-train-core-" + System.getProperty("project.version") + ".jar");
        Map<String, String> forbidden = new LinkedHashMap<>();
        for (Path jar : bundledJars) {
            entries(jar).stream()
                    .filter(e ->
                            e.endsWith(".class") && FORBIDDEN_PREFIXES.stream().anyMatch(e::startsWith))
                    .findFirst()
                    .ifPresent(e -> forbidden.put(jar.getFileName().toString(), e));
        }
        assertThat(forbidden)
                .as("bundled jars with classes Jenkins or a dependency plugin provides")
                .isEmpty();
    }

    @Test
    void everyExtensionIsInTheSezPozIndex() throws Exception {
        try (URLClassLoader loader = isolatedLoader()) {
            @SuppressWarnings("unchecked")
            Class<Extension> extension = (Class<Extension>) loader.loadClass(Extension.class.getName());
            Set<String> indexed = new TreeSet<>();
            for (IndexItem<Extension, Object> item : Index.load(extension, Object.class, loader)) {
                indexed.add(item.className());
            }

            Set<String> annotated = classesAnnotatedWith(extension, loader);
            assertThat(annotated).contains(GpuTrainConfiguration.class.getName());
            assertThat(indexed).isEqualTo(annotated);
        }
    }

    @Test
    void symbolIndexListsExactlyTheSymbolClasses() throws Exception {
        try (URLClassLoader loader = isolatedLoader();
                JarFile jar = new JarFile(ourJar.toFile())) {
            @SuppressWarnings("unchecked")
            Class<Annotation> symbol = (Class<Annotation>) loader.loadClass("org.jenkinsci.Symbol");
            String index;
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/annotations/org.jenkinsci.Symbol"))) {
                index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }

            Set<String> annotated = classesAnnotatedWith(symbol, loader);
            assertThat(annotated).contains(GpuTrainConfiguration.class.getName());
            assertThat(index.lines()).containsExactlyElementsOf(annotated);
        }
    }

    /**
     * Our jar and the bundled jars over the stubs, the annotation libraries, Groovy (which Jenkins core provides) and
     * the fabric8 client API and model (which the kubernetes-client-api plugin provides) only, not this module's
     * classes.
     */
    private static URLClassLoader isolatedLoader() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : bundledJars) {
            urls.add(jar.toUri().toURL());
        }
        for (Class<?> fromLibrary : List.of(
                Extension.class,
                Index.class,
                Localizable.class,
                Script.class,
                KubernetesClient.class,
                Pod.class,
                // Jenkins core provides the servlet API and json-lib (StaplerRequest2, JSONObject in configure)
                jakarta.servlet.http.HttpServletRequest.class,
                net.sf.json.JSONObject.class)) {
            urls.add(fromLibrary.getProtectionDomain().getCodeSource().getLocation());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static Set<String> classesAnnotatedWith(Class<? extends Annotation> annotation, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        Set<String> annotated = new TreeSet<>();
        for (String entry : entries(ourJar)) {
            if (!entry.endsWith(".class")) {
                continue;
            }
            Class<?> type = Class.forName(entry.replace('/', '.').replaceAll("\\.class$", ""), false, loader);
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
            elements.addAll(Arrays.asList(type.getDeclaredFields()));
            elements.addAll(Arrays.asList(type.getDeclaredMethods()));
            if (elements.stream().anyMatch(e -> e.isAnnotationPresent(annotation))) {
                annotated.add(type.getName());
            }
        }
        return annotated;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile());
                Stream<JarEntry> stream = file.stream()) {
            return stream.map(JarEntry::getName).toList();
        }
    }
}
