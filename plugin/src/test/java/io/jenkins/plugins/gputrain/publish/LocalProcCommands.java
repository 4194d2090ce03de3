package io.jenkins.plugins.gputrain.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts commands as Jenkins' own launcher does on an agent: {@code Launcher.ProcStarter.join()} → {@code start()} →
 * {@code hudson.Proc.LocalProc}, which builds a {@link ProcessBuilder} with the working directory, throws
 * {@code IOException} when that directory does not exist, calls {@code ProcessBuilder.start()} (a missing executable
 * is the JDK's {@code IOException}, never an exit code), closes stdin and copies stdout and stderr (jenkinsci/jenkins
 * core/src/main/java/hudson/Proc.java and hudson/Launcher.java at jenkins-2.555.3, commit 74ce59eb).
 *
 * <p>The agent's {@code PATH} is a given list of directories, so a test decides which executables the agent has:
 * the JDK looks a bare name up in this JVM's own {@code PATH}, so the name is resolved here first, and a name found
 * nowhere is started as the path it would have had, for the JDK to refuse.
 *
 * <p>{@link #inContainer} starts them as inside {@code container(…)}: the kubernetes-plugin's ContainerExecDecorator
 * hands the exec one stream for output and error alike, the build's stdout ({@code writingOutput(stream)
 * .writingError(stream)}, src/main/java/org/csanchez/jenkins/plugins/kubernetes/pipeline/ContainerExecDecorator.java,
 * commit a82d78a0), and a missing command is the shell's exit code 127.
 */
final class LocalProcCommands implements WorkspaceCommands {
    private final Path workspace;
    private final List<Path> agentPath;
    private final boolean errorIntoOutput;

    LocalProcCommands(Path workspace, List<Path> agentPath) {
        this(workspace, agentPath, false);
    }

    private LocalProcCommands(Path workspace, List<Path> agentPath, boolean errorIntoOutput) {
        this.workspace = workspace;
        this.agentPath = List.copyOf(agentPath);
        this.errorIntoOutput = errorIntoOutput;
    }

    /** The same commands as a container step runs them: stderr goes into stdout. */
    LocalProcCommands inContainer() {
        return new LocalProcCommands(workspace, agentPath, true);
    }

    /**
     * An agent {@code PATH} of one directory that starts these executables of this machine only: names are looked up
     * in this machine's {@code PATH}, paths are taken as they are (under their file name).
     */
    static List<Path> agentPathWith(Path directory, String... executables) throws IOException {
        Files.createDirectories(directory);
        for (String executable : executables) {
            Path target = executable.contains("/") ? Path.of(executable) : onThisMachine(executable);
            Path wrapper = directory.resolve(target.getFileName().toString());
            Files.writeString(wrapper, "#!/bin/sh\nexec " + target + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return List.of(directory);
    }

    @Override
    public int run(List<String> command, OutputStream stdout, OutputStream stderr)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(workspace)) {
            throw new IOException(
                    String.format("Process working directory '%s' doesn't exist!", workspace.toAbsolutePath()));
        }
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, resolve(command.get(0)));
        Process process =
                new ProcessBuilder(resolved).directory(workspace.toFile()).start();
        process.getOutputStream().close();
        Thread copyErr = copier(process.getErrorStream(), stderr);
        process.getInputStream().transferTo(stdout);
        int exitCode = process.waitFor();
        copyErr.join();
        return exitCode;
    }

    private String resolve(String executable) {
        if (executable.contains("/")) {
            return executable;
        }
        for (Path directory : agentPath) {
            if (Files.isExecutable(directory.resolve(executable))) {
                return directory.resolve(executable).toString();
            }
        }
        return agentPath.get(0).resolve(executable).toString();
    }

    private static Path onThisMachine(String executable) {
        for (String directory : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(directory, executable);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(executable + " is not on this machine's PATH");
    }

    private static Thread copier(InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        thread.start();
        return thread;
    }
}
