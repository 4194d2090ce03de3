package io.jenkins.plugins.gputrain.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Jenkins' class filter as the controller applies it to every class that XStream writes or reads and that crosses
 * remoting (jenkinsci/jenkins core/src/main/java/jenkins/security/ClassFilterImpl.java {@code isBlacklisted(Class)} at
 * jenkins-2.555.3, commit 74ce59eb), in its order:
 *
 * <ol>
 *   <li>{@code CustomClassFilter.Contributed}: a class named in a plugin's {@code META-INF/hudson.remoting.ClassFilter}
 *       is permitted ({@code !name} rejects) — jenkins/security/CustomClassFilter.java;
 *   <li>arrays, throwables and enums are permitted;
 *   <li>a class from Jenkins core's own jar (here: the jenkins-stubs standing in for it) is permitted;
 *   <li>a class from a jar is permitted when that jar's manifest passes {@code isPluginManifest}: {@code Short-Name}
 *       and ({@code Plugin-Version} or {@code Jenkins-Version}), or {@code Jenkins-ClassFilter-Whitelisted: true};
 *   <li>anything else — a JDK class among them — only when {@code whitelisted-classes.txt} (core/src/main/resources/
 *       jenkins/security/) names it: {@link #WHITELISTED_JDK_CLASSES} holds the ones gpu-train's objects use, each
 *       checked against that file.
 * </ol>
 *
 * The rules Jenkins keeps for its own test harness ({@code Main.isUnitTest}: {@code target/test-classes},
 * {@code -tests.jar}) and for classes straight from a build directory ({@code target/classes/}) do not apply to an
 * installed plugin, so they are not emulated: a class of ours must come from a jar of the .hpi.
 */
public final class JenkinsClassFilter {
    /**
     * JDK classes that gpu-train's persisted and remoted objects contain, each listed in Jenkins 2.555.3's
     * {@code whitelisted-classes.txt} (a JDK class not listed there is rejected: it has no code source, so no location
     * rule permits it). A new JDK class in our objects fails the test until it is checked against that file and added.
     */
    static final Set<String> WHITELISTED_JDK_CLASSES = Set.of(
            "java.lang.Boolean",
            "java.lang.Double",
            "java.lang.Integer",
            // a quality gate's threshold (BigDecimal, with its BigInteger and Number) travels to the agent
            "java.lang.Number",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            "java.lang.StackTraceElement",
            "java.lang.String",
            "java.util.ArrayList",
            "java.util.Collections$EmptyList",
            "java.util.CollSer");

    private static final String CLASS_FILTER_RESOURCE = "META-INF/hudson.remoting.ClassFilter";

    private final Set<String> contributed;
    private final Set<String> contributedRejections;

    private JenkinsClassFilter(Set<String> contributed, Set<String> contributedRejections) {
        this.contributed = Set.copyOf(contributed);
        this.contributedRejections = Set.copyOf(contributedRejections);
    }

    /** The filter with every {@code META-INF/hudson.remoting.ClassFilter} that the loader sees (the uber loader). */
    public static JenkinsClassFilter of(ClassLoader plugins) {
        Set<String> permitted = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        try {
            Enumeration<URL> resources = plugins.getResources(CLASS_FILTER_RESOURCE);
            while (resources.hasMoreElements()) {
                try (InputStream in = resources.nextElement().openStream()) {
                    for (String entry : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String line = entry.strip();
                        if (line.isEmpty() || line.startsWith("#")) {
                            continue;
                        }
                        if (line.startsWith("!")) {
                            rejected.add(line.substring(1));
                        } else {
                            permitted.add(line);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JenkinsClassFilter(permitted, rejected);
    }

    /**
     * Why the controller would refuse the class, if it would.
     *
     * @return the refusal in Jenkins' words plus where the class came from, or empty when it is permitted
     */
    public Optional<String> refusal(Class<?> c) {
        String name = c.getName();
        if (contributedRejections.contains(name)) {
            return Optional.of(name + " is rejected by a " + CLASS_FILTER_RESOURCE);
        }
        if (contributed.contains(name) || c.isArray() || Throwable.class.isAssignableFrom(c)) {
            return Optional.empty();
        }
        if (Enum.class.isAssignableFrom(c)) {
            return Optional.empty();
        }
        Optional<Path> location = location(c);
        if (location.isPresent()) {
            Path jar = location.get();
            if (isJenkinsCore(jar) || isPluginManifest(jar)) {
                return Optional.empty();
            }
        }
        if (location.isEmpty() && WHITELISTED_JDK_CLASSES.contains(name)) {
            return Optional.empty();
        }
        return Optional.of(name + " in " + location.map(Path::toString).orElse("JRE")
                + " might be dangerous, so rejecting; see https://www.jenkins.io/redirect/class-filter/");
    }

    private static Optional<Path> location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(source.getLocation().toString(), e);
        }
    }

    /** Jenkins core's jar, as the stubs stand in for it here (a jar or, in the reactor, its classes directory). */
    private static boolean isJenkinsCore(Path location) {
        return location.toString().contains("jenkins-stubs");
    }

    private static boolean isPluginManifest(Path location) {
        if (!location.toString().endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(location.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return false;
            }
            Attributes main = manifest.getMainAttributes();
            return main.getValue("Short-Name") != null
                            && (main.getValue("Plugin-Version") != null || main.getValue("Jenkins-Version") != null)
                    || "true".equals(main.getValue("Jenkins-ClassFilter-Whitelisted"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
