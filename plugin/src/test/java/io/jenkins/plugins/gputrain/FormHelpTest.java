package io.jenkins.plugins.gputrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every form field in a {@code config.jelly} has its {@code help-<field>.html} next to it. */
class FormHelpTest {
    private static final Pattern FIELD = Pattern.compile("field=\"([A-Za-z0-9_]+)\"");

    @Test
    void everyConfigFieldHasAHelpFile() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            forms = files.filter(f -> f.getFileName().toString().equals("config.jelly"))
                    .toList();
        }
        assertThat(forms).isNotEmpty();

        List<String> missing = new ArrayList<>();
        for (Path form : forms) {
            Matcher field = FIELD.matcher(Files.readString(form));
            while (field.find()) {
                Path help = form.resolveSibling("help-" + field.group(1) + ".html");
                if (!Files.isRegularFile(help)) {
                    missing.add(help.toString());
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
