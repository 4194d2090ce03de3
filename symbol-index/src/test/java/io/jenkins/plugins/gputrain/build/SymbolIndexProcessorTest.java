package io.jenkins.plugins.gputrain.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolIndexProcessorTest {
    private static final String SYMBOL =
            """
            package org.jenkinsci;
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE)
            public @interface Symbol { String[] value(); }
            """;

    @TempDir
    Path output;

    @Test
    void indexesEveryAnnotatedClassByBinaryNameSorted() throws IOException {
        compile(Map.of(
                "org/jenkinsci/Symbol.java", SYMBOL,
                "b/Top.java", "package b; @org.jenkinsci.Symbol(\"top\") public class Top {}",
                "a/Outer.java",
                        """
                        package a;
                        import org.jenkinsci.Symbol;
                        public class Outer {
                            @Symbol("inner") public static class Inner {}
                            public static class NotIndexed {}
                        }
                        """,
                "c/Plain.java", "package c; public class Plain {}"));

        assertThat(output.resolve(SymbolIndexProcessor.INDEX))
                .content(StandardCharsets.UTF_8)
                .isEqualTo("a.Outer$Inner\nb.Top\n");
    }

    @Test
    void writesNoIndexWithoutSymbols() throws IOException {
        compile(Map.of("org/jenkinsci/Symbol.java", SYMBOL, "c/Plain.java", "package c; public class Plain {}"));

        assertThat(output.resolve(SymbolIndexProcessor.INDEX)).doesNotExist();
    }

    private void compile(Map<String, String> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, text) -> units.add(new Source(path, text)));
        Files.createDirectories(output);
        JavaCompiler.CompilationTask task =
                compiler.getTask(null, null, null, List.of("-d", output.toString(), "-proc:only"), null, units);
        task.setProcessors(List.of(new SymbolIndexProcessor()));

        assertThat(task.call()).isTrue();
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String path, String text) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
