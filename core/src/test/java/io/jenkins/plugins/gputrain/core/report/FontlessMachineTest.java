package io.jenkins.plugins.gputrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on a machine without fonts, as slim agent images are (the {@code jnlp} container that publishDvcMetrics
 * writes the report in): a real JVM in a mount namespace whose font directories are empty, where Java2D throws
 * {@code java.lang.Error: Probable fatal error: No physical fonts found.} The report must still be written, without
 * charts and with one warning that says what to install. Needs {@code unshare} and root (as CI has); elsewhere it is
 * skipped with one line, and under CI a missing {@code unshare} fails it.
 */
class FontlessMachineTest {
    private static final List<String> FONT_DIRECTORIES = List.of("/usr/share/fonts", "/usr/local/share/fonts");

    @TempDir
    Path directory;

    @Test
    void theReportIsWrittenWithoutChartsAndOneWarningWhenJava2dHasNoFonts() throws Exception {
        Process run = startWithoutFonts(directory.resolve("workspace"));
        assertThat(run.waitFor(120, TimeUnit.SECONDS))
                .as("the report JVM ended")
                .isTrue();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (System.getenv("CI") == null) {
            assumeThat(output)
                    .as("unshare -m needs root here; run as root (CI does)")
                    .doesNotContain("unshare:");
        }

        assertThat(run.exitValue()).as(output).isZero();
        // The JDK words it as it found it: "Fontconfig head is null, …" (RuntimeException), "Probable fatal error: No
        // physical fonts found." (Error), or an InternalError around them.
        assertThat(output.lines().filter(line -> line.startsWith("warning: plots")))
                .singleElement()
                .satisfies(warning -> assertThat(warning)
                        .startsWith(
                                "warning: plots were not drawn: Java2D cannot draw text on this machine (java.lang.")
                        .containsIgnoringCase("font")
                        .endsWith("); install fontconfig and a font (Debian: fonts-dejavu-core) where the report is"
                                + " written"));
        assertThat(output.lines().filter(line -> line.startsWith("file: ")))
                .contains("file: gpu-train/report.md", "file: gpu-train/report.html")
                .noneMatch(line -> line.startsWith("file: gpu-train/plots/") && !line.contains("/plots/static/"));
        assertThat(Files.readString(directory.resolve("workspace/gpu-train/report.md")))
                .contains("plots were not drawn");
    }

    /** The report in a new JVM that sees empty font directories (tmpfs mounted over them in its own namespace). */
    private static Process startWithoutFonts(Path workspace) throws IOException {
        StringBuilder script = new StringBuilder("set -e\n");
        for (String fonts : FONT_DIRECTORIES) {
            script.append("if [ -d ")
                    .append(fonts)
                    .append(" ]; then mount -t tmpfs none ")
                    .append(fonts)
                    .append("; fi\n");
        }
        script.append("exec \"$0\" -Djava.awt.headless=true -cp \"$1\" ")
                .append(ReportOnThisMachine.class.getName())
                .append(" \"$2\"\n");
        return new ProcessBuilder(
                        "unshare",
                        "-m",
                        "sh",
                        "-c",
                        script.toString(),
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        System.getProperty("java.class.path"),
                        workspace.toString())
                .redirectErrorStream(true)
                .start();
    }
}
