package io.jenkins.plugins.gputrain.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/** The jars of a built {@code .hpi}, unpacked to {@code WEB-INF/lib} as Jenkins unpacks a plugin, and its manifest. */
record HpiLibraries(List<Path> jars, Manifest manifest) {
    static HpiLibraries unpack(Path hpi, Path into) throws IOException {
        Path lib = Files.createDirectories(into.resolve("WEB-INF/lib"));
        List<Path> jars = new ArrayList<>();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(hpi))) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (entry.getName().startsWith("WEB-INF/lib/")
                        && entry.getName().endsWith(".jar")) {
                    Path jar = lib.resolve(entry.getName().substring("WEB-INF/lib/".length()));
                    Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                    jars.add(jar);
                }
            }
            return new HpiLibraries(List.copyOf(jars), in.getManifest());
        }
    }
}
