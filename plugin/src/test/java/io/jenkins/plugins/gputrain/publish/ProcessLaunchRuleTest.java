package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import hudson.AbortException;
import io.jenkins.plugins.gputrain.core.dvc.FixtureRepository;
import io.jenkins.plugins.gputrain.core.report.BaselineRevision;
import io.jenkins.plugins.gputrain.core.report.DvcOutput;
import io.jenkins.plugins.gputrain.core.report.ReportEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jenkins runtime rule: a command whose executable is missing makes the Launcher throw {@code IOException}
 * ({@code hudson.Proc.LocalProc} → {@code ProcessBuilder.start()}), it does not exit non-zero; inside a container a
 * missing command exits 127 instead. publishDvcMetrics must treat both as "not here" (see {@link LocalProcCommands}).
 */
class ProcessLaunchRuleTest {
    @TempDir
    Path directory;

    private Path workspace;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void guideWorkspace() throws IOException {
        workspace = FixtureRepository.create(
                "celestial-bodies", directory.resolve("workspace"), Set.of("evaluation/metrics.json"));
    }

    @Test
    void engineAutoWithoutDvcOnTheAgentFallsBackToTheBuiltInEngineWithOneLine() throws Exception {
        DvcCommands dvc = new DvcCommands(agent("sh", "git"), console());

        assertThat(dvc.run(ReportEngine.AUTO, "main")).isEmpty();

        assertThat(console.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("[gpu-train] dvc is not available here ('dvc --version' could not be started:"
                                + " Cannot run program \"")
                        .contains("No such file or directory")
                        .endsWith("; using gpu-train's own engine"));
    }

    @Test
    void engineDvcWithoutDvcOnTheAgentFailsTheBuildWithOneLine() throws IOException {
        DvcCommands dvc = new DvcCommands(agent("sh", "git"), console());

        assertThatThrownBy(() -> dvc.run(ReportEngine.DVC, "main"))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[gpu-train] engine 'dvc': 'dvc --version' could not be started: Cannot run")
                .hasMessageEndingWith("or use engine 'auto' or 'builtin'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aDvcThatTheContainerCannotFindExitsNonZeroAndFallsBackAlike() throws Exception {
        List<Path> path = LocalProcCommands.agentPathWith(directory.resolve("bin"), "sh");
        script(path, "dvc", "echo \"sh: 1: dvc: not found\" >&2\nexit 127\n");

        DvcCommands dvc = new DvcCommands(new LocalProcCommands(workspace, path).inContainer(), console());

        assertThat(dvc.run(ReportEngine.AUTO, "main")).isEmpty();
        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("[gpu-train] dvc is not available here ('dvc --version' failed (exit code 127): sh: 1: dvc:"
                        + " not found); using gpu-train's own engine\n");
    }

    @Test
    void dvcWarningsThatTheContainerMixesIntoTheOutputLeaveItsJsonReadable() throws Exception {
        List<Path> path = LocalProcCommands.agentPathWith(directory.resolve("bin"), "sh");
        script(
                path,
                "dvc",
                """
                case "$1" in
                  --version) echo 3.67.1 ;;
                  *) echo "WARNING: failed to collect 'evaluation/plots', skipping" >&2
                     echo '{"evaluation/metrics.json": {"acc": {"old": 0.5, "new": 0.75, "diff": 0.25}}}' ;;
                esac
                """);

        Optional<DvcOutput> output = new DvcCommands(new LocalProcCommands(workspace, path).inContainer(), console())
                .run(ReportEngine.DVC, "main");

        assertThat(output).hasValueSatisfying(dvc -> assertThat(dvc.metricsDiff())
                .isEqualTo("{\"evaluation/metrics.json\": {\"acc\": {\"old\": 0.5, \"new\": 0.75, \"diff\": 0.25}}}"));
    }

    @Test
    void outputThatIsNotDvcsJsonFallsBackWithOneLineForEngineAuto() throws Exception {
        List<Path> path = LocalProcCommands.agentPathWith(directory.resolve("bin"), "sh");
        script(path, "dvc", "echo 'ERROR: unexpected error - no JSON today'\n");

        assertThat(new DvcCommands(new LocalProcCommands(workspace, path).inContainer(), console())
                        .run(ReportEngine.AUTO, "main"))
                .isEmpty();
        assertThat(console.toString(StandardCharsets.UTF_8).lines().skip(1))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("[gpu-train] 'dvc metrics diff --json' did not print its JSON (")
                        .endsWith("; using gpu-train's own engine"));
    }

    @Test
    void theBaselineIsFoundWithTheAgentsGit() throws Exception {
        String found =
                new BaselineFetch(agent("git"), console(), workspace.toString()).resolve(new BaselineRevision("main"));

        assertThat(found).isEqualTo("main");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /**
     * Inside {@code container('dvc')} git often runs as another user (the image's root) than the agent that checked
     * out (uid 1000), and git 2.35.2+ refuses such a repository ("detected dubious ownership"). Needs root to hand the
     * checkout to another user, as CI has; elsewhere skipped.
     */
    @Test
    void aCheckoutOwnedByTheAgentsUserIsReadByGitRunningAsAnotherOne() throws Exception {
        Process chown = new ProcessBuilder("chown", "-R", "1000:1000", workspace.toString())
                .redirectErrorStream(true)
                .start();
        assumeThat(chown.waitFor()).as("chown needs root").isZero();

        String found =
                new BaselineFetch(agent("git"), console(), workspace.toString()).resolve(new BaselineRevision("main"));

        assertThat(found).isEqualTo("main");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .as("no fetch, no refusal")
                .isEmpty();
    }

    @Test
    void anAgentWithoutGitLooksTheBaselineUpAsGivenAndSaysSoOnce() throws Exception {
        String found =
                new BaselineFetch(agent("sh"), console(), workspace.toString()).resolve(new BaselineRevision("main"));

        assertThat(found).isEqualTo("main");
        assertThat(console.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("[gpu-train] 'git -c safe.directory=" + workspace + " rev-parse")
                        .contains("could not be started: Cannot run program")
                        .endsWith("; looking up main without fetching it"));
    }

    private static void script(List<Path> path, String name, String body) throws IOException {
        Path script = path.get(0).resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private WorkspaceCommands agent(String... executables) throws IOException {
        return new LocalProcCommands(workspace, LocalProcCommands.agentPathWith(directory.resolve("bin"), executables));
    }

    private PrintStream console() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }
}
