package io.jenkins.plugins.gputrain.core.dvc.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gputrain.core.dvc.RealDvc;
import io.jenkins.plugins.gputrain.core.dvc.RealDvcExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Fnmatch} against examples and against CPython's own {@code fnmatch.fnmatchcase} (DVC's venv). */
class FnmatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "ab-z!]^[*?\\&~|0-1é😀";

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            value = {
                "k1 k? true",
                "k12 k? false",
                "k2 k[12] true",
                "k3 k[!12] true",
                "k1 k[!12] false",
                "c[0] c[0] false",
                "c0 c[0] true",
                "[ [ true",
                "a]b a]b true",
                "] []] true",
                "- [a-] true",
                "b [z-a] false",
                "b [cz-ab] true",
                "z [cz-ab] false",
                "anything * true",
                "'' * true",
                "a.b a?b true"
            })
    void matchesAsPythonDoes(String name, String pattern, boolean matches) {
        assertThat(Fnmatch.matches(name, pattern))
                .as("fnmatchcase(%s, %s)", name, pattern)
                .isEqualTo(matches);
    }

    @Test
    @ExtendWith(RealDvcExtension.class)
    void randomPatternsMatchAsCPythonsFnmatch(RealDvc dvc, @TempDir Path directory) throws Exception {
        Random random = new Random(20261203L);
        List<String[]> cases = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String pattern = random.nextBoolean()
                    ? text(random, 6)
                    : text(random, 2) + "[" + text(random, 5) + "]" + text(random, 2);
            cases.add(new String[] {text(random, 4), pattern});
        }
        List<Boolean> python = cpython(dvc, directory, cases);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String name = cases.get(i)[0];
            String pattern = cases.get(i)[1];
            if (Fnmatch.matches(name, pattern) != python.get(i)) {
                differences.add("fnmatchcase(" + name + ", " + pattern + ") is " + python.get(i) + " in Python");
            }
        }
        assertThat(python).contains(true, false);
        assertThat(differences).isEmpty();
    }

    private static String text(Random random, int maxLength) {
        int[] alphabet = ALPHABET.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    /** One Python process answers every case: {@code fnmatchcase}, an exception counted as no match (as dpath). */
    private static List<Boolean> cpython(RealDvc dvc, Path directory, List<String[]> cases)
            throws IOException, InterruptedException {
        Path input = directory.resolve("cases.json");
        Files.writeString(input, JSON.writeValueAsString(cases), StandardCharsets.UTF_8);
        String script = "import fnmatch, json, sys, warnings\n"
                + "warnings.simplefilter('ignore')\n"
                + "def m(n, p):\n"
                + "    try:\n"
                + "        return fnmatch.fnmatchcase(n, p)\n"
                + "    except Exception:\n"
                + "        return False\n"
                + "cases = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                + "print(json.dumps([m(n, p) for n, p in cases]))\n";
        Process process = new ProcessBuilder(
                        dvc.executable().resolveSibling("python").toString(), "-c", script, input.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return List.of(JSON.readValue(out, Boolean[].class));
    }
}
