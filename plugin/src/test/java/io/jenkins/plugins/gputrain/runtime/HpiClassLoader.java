package io.jenkins.plugins.gputrain.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * gpu-train as Jenkins loads it: its classes and resources come from the jars inside the built {@code .hpi}
 * ({@code WEB-INF/lib}, unpacked as Jenkins unpacks a plugin), everything else (the stand-ins for Jenkins core and the
 * dependency plugins, the test libraries) from the test class path. Like Jenkins' plugin class loader (hudson
 * ClassicPluginStrategy, jenkins-2.555.3) a class is defined by the loader of the jar it is in, so its code source
 * is that jar, which is what Jenkins' class filter judges. The rule tests themselves (from the test classes) are loaded
 * here too, so that they link against the .hpi's classes.
 */
public final class HpiClassLoader extends URLClassLoader {
    static final String OURS = "io.jenkins.plugins.gputrain.";
    private static final String OUR_RESOURCES = OURS.replace('.', '/');

    private final List<Path> jars;

    private HpiClassLoader(List<Path> jars, List<URL> after, ClassLoader parent) {
        super(urls(jars, after), parent);
        this.jars = List.copyOf(jars);
    }

    /**
     * Unpacks the .hpi's bundled jars and opens a loader over them.
     *
     * @param hpi the built plugin
     * @param into where to unpack
     * @param testClasses loaded after the .hpi's jars: the test classes and test-only jars of gpu-train's packages
     */
    public static HpiClassLoader open(Path hpi, Path into, List<URL> testClasses) throws IOException {
        return open(hpi, into, testClasses, HpiClassLoader.class.getClassLoader());
    }

    /**
     * Unpacks the .hpi's bundled jars and opens a loader over them whose Jenkins and plugin classes come from
     * {@code parent} (e.g. one without an optional dependency).
     *
     * @param hpi the built plugin
     * @param into where to unpack
     * @param testClasses loaded after the .hpi's jars
     * @param parent where every other class comes from
     */
    public static HpiClassLoader open(Path hpi, Path into, List<URL> testClasses, ClassLoader parent)
            throws IOException {
        List<Path> jars = HpiLibraries.unpack(hpi, into).jars();
        return new HpiClassLoader(jars, testClasses, parent);
    }

    /** The .hpi's bundled jars, as unpacked. */
    public List<Path> jars() {
        return jars;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(OURS)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (name.startsWith(OUR_RESOURCES)) {
            URL found = findResource(name);
            if (found != null) {
                return found;
            }
        }
        return super.getResource(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        URL found = getResource(name);
        try {
            return found == null ? null : found.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(OUR_RESOURCES) ? findResources(name) : super.getResources(name);
    }

    private static URL[] urls(List<Path> jars, List<URL> after) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(jar.toString(), e);
            }
        }
        urls.addAll(after);
        return urls.toArray(URL[]::new);
    }
}
