package io.jenkins.plugins.gputrain.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Jenkins runtime rule: every class that gpu-train's classes can reach is there when Jenkins runs them — in the JDK,
 * in a jar of the .hpi, in Jenkins core's own libraries or in a plugin of {@code Plugin-Dependencies} (or a plugin
 * those depend on), as {@code src/test/resources/runtime-providers.txt} says, each entry with where it was read. A
 * referenced class that nothing provides is a {@code NoClassDefFoundError} in a real Jenkins. Reachability starts at
 * every class of gpu-train.jar and the core jar and follows references into the bundled jars only (a bundled jar's
 * class that nothing of ours reaches, such as an optional encoder, is never loaded).
 */
class ClasspathClosureIT {
    private static final Set<String> OUR_JARS = Set.of("gpu-train.jar", "gpu-train-core-");

    @TempDir
    static Path unpacked;

    private static final Map<String, JarFile> OPEN = new HashMap<>();
    private static Map<String, String> bundled;
    private static List<String> ours;
    private static Set<String> pluginDependencies;

    @BeforeAll
    static void unpackTheHpi() throws IOException {
        Path hpi = Path.of(System.getProperty("hpi.file"));
        bundled = new HashMap<>();
        ours = new ArrayList<>();
        HpiLibraries libraries = HpiLibraries.unpack(hpi, unpacked);
        pluginDependencies = new HashSet<>();
        for (String dependency : libraries
                .manifest()
                .getMainAttributes()
                .getValue("Plugin-Dependencies")
                .split(",")) {
            pluginDependencies.add(dependency.substring(0, dependency.indexOf(':')));
        }
        for (Path jar : libraries.jars()) {
            String name = jar.getFileName().toString();
            boolean our = OUR_JARS.stream().anyMatch(name::startsWith);
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream()
                        .map(JarEntry::getName)
                        .filter(entry -> (entry.endsWith(".class") || entry.endsWith(".groovy"))
                                && !entry.startsWith("META-INF/"))
                        .map(entry -> entry.substring(0, entry.lastIndexOf('.')))
                        .forEach(internal -> {
                            bundled.put(internal, jar.toString());
                            if (our) {
                                ours.add(internal);
                            }
                        });
            }
        }
    }

    @Test
    void everyReachableClassHasAProvider() throws IOException {
        Reach reach = reach(Provider.readAll());

        assertThat(reach.unprovided())
                .as("classes that neither the JDK, the .hpi, Jenkins core nor a plugin dependency provides")
                .isEmpty();
        assertThat(ours).as("classes of gpu-train.jar and the core jar").hasSizeGreaterThan(100);
        for (Provider provider : reach.used()) {
            String first = provider.chain().split("->")[0].strip();
            assertThat(first.equals("core") || first.equals("-") || pluginDependencies.contains(first))
                    .as("provider chain starts at Jenkins core or a Plugin-Dependencies plugin: " + provider.line())
                    .isTrue();
        }
    }

    @Test
    void everyProviderEntryIsNeeded() throws IOException {
        List<Provider> providers = Provider.readAll();

        assertThat(providers)
                .as("entries of runtime-providers.txt that nothing reaches")
                .allMatch(reach(providers).used()::contains);
    }

    /** What gpu-train's classes reach: classes nothing provides, and the providers of the others. */
    private record Reach(Set<String> unprovided, Set<Provider> used) {}

    private static Reach reach(List<Provider> providers) throws IOException {
        Set<String> unprovided = new TreeSet<>();
        Set<Provider> used = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>(ours);
        Deque<String> work = new ArrayDeque<>(ours);
        while (!work.isEmpty()) {
            String from = work.pop();
            for (String referenced : references(from)) {
                Provider provider = Provider.of(providers, referenced.replace('/', '.'));
                if (provider != null && provider.notLoaded()) {
                    used.add(provider);
                } else if (bundled.containsKey(referenced)) {
                    if (seen.add(referenced)) {
                        work.push(referenced);
                    }
                } else if (!inTheJdk(referenced)) {
                    if (provider == null) {
                        unprovided.add(referenced.replace('/', '.') + " (referenced by " + from.replace('/', '.')
                                + " in " + Path.of(bundled.get(from)).getFileName() + ")");
                    } else {
                        used.add(provider);
                    }
                }
            }
        }
        return new Reach(unprovided, used);
    }

    @AfterAll
    static void closeTheJars() throws IOException {
        for (JarFile jar : OPEN.values()) {
            jar.close();
        }
    }

    private static JarFile open(String jar) {
        try {
            return new JarFile(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inTheJdk(String internalName) {
        return ClassLoader.getPlatformClassLoader().getResource(internalName + ".class") != null;
    }

    /**
     * The classes a class file names in what the JVM resolves (supertypes, members, its code's references and the
     * runtime-visible annotations Jenkins reads), or a Groovy source's imports (compiled in Jenkins at run time).
     */
    private static Set<String> references(String internalName) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        JarFile jar = OPEN.computeIfAbsent(bundled.get(internalName), ClasspathClosureIT::open);
        JarEntry groovy = jar.getJarEntry(internalName + ".groovy");
        if (groovy != null) {
            try (InputStream in = jar.getInputStream(groovy)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> line.startsWith("import "))
                        .map(line -> line.substring("import ".length()).strip().replace('.', '/'))
                        .forEach(names::add);
            }
            return names;
        }
        try (InputStream in = jar.getInputStream(jar.getEntry(internalName + ".class"))) {
            new ClassReader(in).accept(new Collector(names), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        names.remove(internalName);
        return names;
    }

    /** Collects the class names of a class file. */
    private static final class Collector extends ClassVisitor {
        private final Set<String> names;

        Collector(Set<String> names) {
            super(Opcodes.ASM9);
            this.names = names;
        }

        void type(Type type) {
            Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            if (element.getSort() == Type.OBJECT) {
                names.add(element.getInternalName());
            } else if (element.getSort() == Type.METHOD) {
                Arrays.stream(element.getArgumentTypes()).forEach(this::type);
                type(element.getReturnType());
            }
        }

        void internal(String name) {
            if (name != null) {
                type(name.startsWith("[") ? Type.getType(name) : Type.getObjectType(name));
            }
        }

        void constant(Object value) {
            if (value instanceof Type type) {
                type(type);
            } else if (value instanceof Handle handle) {
                internal(handle.getOwner());
                type(Type.getType(handle.getDesc()));
            }
        }

        @Override
        public void visit(int v, int access, String name, String sig, String superName, String[] interfaces) {
            internal(superName);
            Arrays.stream(Objects.requireNonNullElse(interfaces, new String[0])).forEach(this::internal);
        }

        /** Runtime-visible annotations count: Jenkins reads them (@Extension, @Symbol, @DataBoundConstructor…). */
        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (visible) {
                type(Type.getType(descriptor));
            }
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String sig, Object value) {
            type(Type.getType(descriptor));
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return Collector.this.visitAnnotation(annotation, visible);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String sig, String[] exceptions) {
            type(Type.getMethodType(descriptor));
            Arrays.stream(Objects.requireNonNullElse(exceptions, new String[0])).forEach(this::internal);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return Collector.this.visitAnnotation(annotation, visible);
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                    return Collector.this.visitAnnotation(annotation, visible);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    internal(type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                    internal(owner);
                    type(Type.getType(desc));
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    internal(owner);
                    type(Type.getMethodType(desc));
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... args) {
                    type(Type.getMethodType(desc));
                    constant(bootstrap);
                    Arrays.stream(args).forEach(Collector.this::constant);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dimensions) {
                    type(Type.getType(desc));
                }

                @Override
                public void visitTryCatchBlock(
                        org.objectweb.asm.Label start,
                        org.objectweb.asm.Label end,
                        org.objectweb.asm.Label handler,
                        String type) {
                    internal(type);
                }
            };
        }
    }

    /** One entry of runtime-providers.txt. */
    private record Provider(String prefix, String line) {
        /** Where it is: Jenkins core or the plugins, from gpu-train's Plugin-Dependencies on. */
        String chain() {
            return line.split("\\|")[2].strip();
        }

        /** A bundled class that Jenkins never loads for gpu-train (an entry says why); not followed. */
        boolean notLoaded() {
            return line.split("\\|")[1].strip().startsWith("not loaded:");
        }

        static List<Provider> readAll() throws IOException {
            try (InputStream in = ClasspathClosureIT.class.getResourceAsStream("/runtime-providers.txt")) {
                return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .map(line -> new Provider(line.split("\\|")[0].strip(), line))
                        .toList();
            }
        }

        /** The entry with the longest prefix of the class name, or {@code null}. */
        static Provider of(List<Provider> providers, String className) {
            Provider best = null;
            for (Provider provider : providers) {
                if (className.startsWith(provider.prefix())
                        && (best == null
                                || provider.prefix().length() > best.prefix().length())) {
                    best = provider;
                }
            }
            return best;
        }
    }
}
