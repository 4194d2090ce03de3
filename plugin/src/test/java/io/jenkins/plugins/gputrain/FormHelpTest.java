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

/**
 * Every form field in a {@code config.jelly} has its {@code help-<field>.html} next to it, and every text a view shows
 * (a {@code title}, an {@code add} button) is localizable: {@code ${%text}} (Jenkins looks it up in the view's
 * {@code .properties} for the user's locale, the text itself being the default) or an expression such as
 * {@code ${it.displayName}} ({@code Messages}).
 */
class FormHelpTest {
    private static final Pattern FIELD = Pattern.compile("field=\"([A-Za-z0-9_]+)\"");
    private static final Pattern SHOWN_TEXT = Pattern.compile("\\b(title|add)=\"([^\"]*)\"");

    @Test
    void everyConfigFieldHasAHelpFile() throws IOException {
        List<Path> forms = views("config.jelly");
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

    @Test
    void everyTextAViewShowsIsLocalizable() throws IOException {
        List<Path> views = views(".jelly");
        assertThat(views).isNotEmpty();

        List<String> literal = new ArrayList<>();
        for (Path view : views) {
            Matcher text = SHOWN_TEXT.matcher(Files.readString(view));
            while (text.find()) {
                if (!text.group(2).matches("\\$\\{[^}]+}")) {
                    literal.add(view.getFileName() + " in " + view.getParent().getFileName() + ": " + text.group());
                }
            }
        }
        assertThat(literal).isEmpty();
    }

    private static List<Path> views(String nameEnd) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(nameEnd))
                    .toList();
        }
    }
}
