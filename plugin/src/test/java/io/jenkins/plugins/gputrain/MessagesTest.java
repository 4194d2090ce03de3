package io.jenkins.plugins.gputrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.jvnet.localizer.Localizable;

/** The hand-written {@link Messages} matches {@code Messages.properties} one to one, and every text is used. */
class MessagesTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyKeyHasBothAccessorsReturningItsText() throws Exception {
        Properties texts = texts();
        assertThat(texts).isNotEmpty();
        for (String key : texts.stringPropertyNames()) {
            String method = key.replace('.', '_');
            MessageFormat format = new MessageFormat(texts.getProperty(key), Locale.ROOT);
            Object[] arguments = IntStream.range(0, format.getFormatsByArgumentIndex().length)
                    .mapToObj(i -> "argument" + i)
                    .toArray();
            Class<?>[] parameters = new Class<?>[arguments.length];
            Arrays.fill(parameters, Object.class);
            String expected = format.format(arguments);

            assertThat(Messages.class.getMethod(method, parameters).invoke(null, arguments))
                    .isEqualTo(expected);
            Localizable localizable = (Localizable)
                    Messages.class.getMethod("_" + method, parameters).invoke(null, arguments);
            assertThat(localizable.toString(Locale.ROOT)).isEqualTo(expected);
        }
    }

    @Test
    void everyAccessorHasAKey() throws IOException {
        Set<String> keys = texts().stringPropertyNames().stream()
                .map(k -> k.replace('.', '_'))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(accessors()).isEqualTo(keys);
    }

    @Test
    void everyTextIsUsedOutsideMessages() throws IOException {
        String code;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            code = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Messages.java"))
                    .map(MessagesTest::read)
                    .collect(Collectors.joining("\n"));
        }
        for (String accessor : accessors()) {
            assertThat(code).as("use of Messages.%s", accessor).containsPattern("Messages\\._?" + accessor + "\\(");
        }
    }

    private static Set<String> accessors() {
        return Arrays.stream(Messages.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .filter(name -> !name.startsWith("_"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties texts() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("Messages.properties")) {
            texts.load(in);
        }
        return texts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
