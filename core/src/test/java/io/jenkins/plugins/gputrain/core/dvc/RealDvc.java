package io.jenkins.plugins.gputrain.core.dvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real DVC, for differential tests: the executable named by {@code GPU_TRAIN_DVC} ({@code .ci/dvc-env} prints
 * it). Under CI ({@code CI=true}) a missing DVC fails the test; elsewhere the test is skipped with one line saying
 * how to install it.
 */
public final class RealDvc implements AutoCloseable {
    /** The environment variable holding the path of the dvc executable. */
    public static final String VARIABLE = "GPU_TRAIN_DVC";

    /** The DVC version the tests compare against. */
    public static final String VERSION = "3.67.1";

    private static final String HOW_TO_INSTALL =
            "DVC tests skipped: run 'export " + VARIABLE + "=$(.ci/dvc-env)' (installs dvc==" + VERSION + ")";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;
    private Process driver;
    private BufferedWriter requests;
    private BufferedReader answers;

    private RealDvc(Path executable) {
        this.executable = executable;
    }

    /**
     * The DVC of this run, or a skipped (a failed, under CI) test.
     *
     * @return DVC, to close after use
     */
    public static RealDvc require() {
        String path = System.getenv(VARIABLE);
        boolean ci = "true".equals(System.getenv("CI"));
        if (path == null || path.isBlank() || !Files.isExecutable(Path.of(path))) {
            String problem = path == null || path.isBlank()
                    ? VARIABLE + " is not set"
                    : VARIABLE + "=" + path + " is not an executable";
            if (ci) {
                Assertions.fail("CI=true needs the real DVC: " + problem + " (.ci/run sets it from .ci/dvc-env)");
            }
            // Printed too: surefire does not show why a class was skipped in @BeforeAll.
            System.err.println(HOW_TO_INSTALL + "; " + problem);
            Assumptions.abort(HOW_TO_INSTALL + "; " + problem);
        }
        return new RealDvc(Path.of(path));
    }

    /** The dvc executable. */
    public Path executable() {
        return executable;
    }

    /**
     * Runs {@code dvc ARGS…} as its own process, as a user would.
     *
     * @param directory the working directory
     * @param args the arguments after {@code dvc}
     * @return what it printed
     */
    public Result exec(Path directory, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        Path err = Files.createTempFile("dvc-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(err.toFile());
            quiet(builder.environment());
            Process process = builder.start();
            String out;
            try (InputStream stdout = process.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Result(process.waitFor(), out, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /**
     * Runs {@code dvc ARGS…} through DVC's own entry point in one long-lived Python process (the driver), which
     * prints what the executable would without starting Python and importing DVC for every command.
     *
     * @param directory the working directory
     * @param args the arguments after {@code dvc}
     * @return what it printed
     */
    public Result run(Path directory, List<String> args) throws IOException {
        if (driver == null) {
            startDriver();
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("cwd", directory.toAbsolutePath().toString());
        ArrayNode argv = request.putArray("argv");
        args.forEach(argv::add);
        requests.write(JSON.writeValueAsString(request));
        requests.newLine();
        requests.flush();
        String line = answers.readLine();
        if (line == null) {
            throw new IOException("the DVC driver stopped (exit " + driver.exitValue() + ")");
        }
        JsonNode answer = JSON.readTree(line);
        return new Result(
                answer.get("exit").asInt(),
                answer.get("out").asText(),
                answer.get("err").asText());
    }

    private void startDriver() throws IOException {
        Path script = Files.createTempFile("dvc-driver", ".py");
        try (InputStream source = RealDvc.class.getResourceAsStream("dvc-driver.py")) {
            Files.write(script, source.readAllBytes());
        }
        ProcessBuilder builder = new ProcessBuilder(
                        executable.resolveSibling("python").toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        quiet(builder.environment());
        driver = builder.start();
        requests = new BufferedWriter(new OutputStreamWriter(driver.getOutputStream(), StandardCharsets.UTF_8));
        answers = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void quiet(Map<String, String> environment) {
        environment.put("DVC_NO_ANALYTICS", "1");
        environment.put("PYTHONIOENCODING", "utf-8");
        environment.put("GIT_TERMINAL_PROMPT", "0");
    }

    @Override
    public void close() throws IOException {
        if (driver != null) {
            requests.close();
            try {
                driver.waitFor();
            } catch (InterruptedException e) {
                driver.destroy();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What one DVC command printed.
     *
     * @param exitCode its exit code
     * @param out its standard output
     * @param err its standard error
     */
    public record Result(int exitCode, String out, String err) {}
}
