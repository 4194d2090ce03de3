package io.jenkins.plugins.gputrain.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Name and version of this build of gpu-train, as stamped into the core jar by the build.
 *
 * @param name product name, {@code gpu-train}
 * @param version the Maven version of this build
 * @param fabric8Version the fabric8 Kubernetes client version the engine is built against
 * @param jenkinsVersion the Jenkins baseline the plugin is built against
 */
public record ProductInfo(String name, String version, String fabric8Version, String jenkinsVersion) {
    private static final String RESOURCE = "product.properties";

    /**
     * Reads the build stamp from the class path.
     *
     * @return the stamp of the core jar that holds this class
     * @throws IllegalStateException if the jar was built without its stamp
     */
    public static ProductInfo current() {
        try (InputStream in = ProductInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("gpu-train core is missing " + RESOURCE + " next to "
                        + ProductInfo.class.getName() + " (expected a jar built by the project's Maven build)");
            }
            return fromProperties(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static ProductInfo fromProperties(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        return new ProductInfo(
                required(properties, "name"),
                required(properties, "version"),
                required(properties, "fabric8.version"),
                required(properties, "jenkins.version"));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key, "").trim();
        if (value.isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + ": key '" + key
                    + "' is missing or was not filled in by the build" + " (expected a value such as 1.0.0)");
        }
        return value;
    }

    /** The line printed by {@code gpu-train --version}. */
    public String versionLine() {
        return name + " " + version + " (fabric8 " + fabric8Version + ", Jenkins baseline " + jenkinsVersion + ")";
    }
}
