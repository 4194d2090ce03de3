package io.jenkins.plugins.gputrain.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .hpi in a Jenkins without the optional checks-api plugin: Jenkins' plugin class loader then has no
 * {@code io.jenkins.plugins.checks} classes. Every class of gpu-train.jar loads and links, publishing the check prints
 * one line and asks for no checks-api class but the one availability probe, and the one class that uses checks-api
 * (ChecksApiPublisher) fails as soon as it runs, so it must only run when checks-api is there.
 */
class ChecksApiAbsentIT {
    private static final String CHECKS = "io.jenkins.plugins.checks.";
    private static final String PUBLISH = "io.jenkins.plugins.gputrain.publish.";

    @TempDir
    Path unpacked;

    @Test
    void theClassesLoadAndPublishingSaysOnceThatNoCheckWasPublished() throws Exception {
        WithoutChecksApi jenkins = new WithoutChecksApi();
        try (HpiClassLoader loader =
                HpiClassLoader.open(Path.of(System.getProperty("hpi.file")), unpacked, List.of(), jenkins)) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream logger = new PrintStream(console, true, StandardCharsets.UTF_8);
            Object listener = Proxy.newProxyInstance(
                    loader, new Class<?>[] {TaskListener.class}, (proxy, method, args) -> logger);
            Class<?> checkType = loader.loadClass("io.jenkins.plugins.gputrain.core.report.PullRequestCheck");
            Object check = checkType.getMethod("inProgress", String.class).invoke(null, "DVC metrics");
            Class<?> checksType = loader.loadClass(PUBLISH + "PullRequestChecks");
            Constructor<?> constructor = checksType.getDeclaredConstructor();
            constructor.setAccessible(true);
            Method route = checksType.getDeclaredMethod("route", boolean.class);
            route.setAccessible(true);
            Method publish = checksType.getDeclaredMethod(
                    "publish",
                    loader.loadClass("hudson.model.Run"),
                    TaskListener.class,
                    checkType,
                    loader.loadClass(PUBLISH + "CheckRoute"));
            publish.setAccessible(true);
            Object checks = constructor.newInstance();

            publish.invoke(checks, null, listener, check, route.invoke(checks, false));

            assertThat(console.toString(StandardCharsets.UTF_8))
                    .isEqualTo("[gpu-train] no check 'DVC metrics' published: the Checks API plugin (checks-api) is"
                            + " not installed\n");
            assertThat(jenkins.refused)
                    .as("checks-api classes asked for while publishing: only the availability probe")
                    .containsExactly(CHECKS + "api.ChecksPublisherFactory");

            assertThat(unlinkable(loader))
                    .as("classes of gpu-train.jar that do not load and link")
                    .isEmpty();
            assertThat(jenkins.refused)
                    .as("after loading them all")
                    .containsExactly(CHECKS + "api.ChecksPublisherFactory");

            // the one class that uses checks-api would fail, had PullRequestChecks called it
            Method direct = loader.loadClass(PUBLISH + "ChecksApiPublisher")
                    .getDeclaredMethod("publish", loader.loadClass("hudson.model.Run"), TaskListener.class, checkType);
            direct.setAccessible(true);
            assertThatThrownBy(() -> direct.invoke(null, null, listener, check))
                    .hasRootCauseInstanceOf(ClassNotFoundException.class)
                    .rootCause()
                    .hasMessageStartingWith(CHECKS);
        }
    }

    /** The classes of gpu-train.jar that do not load and link (fields, methods, constructors resolved). */
    private static List<String> unlinkable(HpiClassLoader loader) throws IOException {
        Path ourJar = loader.jars().stream()
                .filter(jar -> jar.getFileName().toString().equals("gpu-train.jar"))
                .findFirst()
                .orElseThrow();
        List<String> failed = new ArrayList<>();
        try (JarFile jar = new JarFile(ourJar.toFile())) {
            List<String> classes = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
            assertThat(classes).hasSizeGreaterThan(30);
            for (String name : classes) {
                try {
                    Class<?> type = Class.forName(name, true, loader);
                    type.getDeclaredFields();
                    type.getDeclaredMethods();
                    type.getDeclaredConstructors();
                } catch (LinkageError | ClassNotFoundException e) {
                    failed.add(name);
                } catch (RuntimeException e) {
                    // a static initialiser that needs a running Jenkins (the stubs throw): it loaded and linked
                }
            }
        }
        return failed;
    }

    /** Jenkins and its plugins without checks-api: every io.jenkins.plugins.checks class is refused, and noted. */
    private static final class WithoutChecksApi extends ClassLoader {
        final Set<String> refused = new TreeSet<>();

        WithoutChecksApi() {
            super(ChecksApiAbsentIT.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(CHECKS)) {
                refused.add(name);
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
