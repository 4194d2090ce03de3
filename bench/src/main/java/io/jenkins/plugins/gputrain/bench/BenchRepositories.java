package io.jenkins.plugins.gputrain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** What the benchmarks build their repositories from: generated metrics, fixture copies, a commit on main. */
final class BenchRepositories {
    private BenchRepositories() {}

    /** A metrics file with {@code keys} numbers in 100 groups: {@code {"group0": {"metric0": …, "metric100": …}}}. */
    static String metrics(int keys, double offset) {
        StringBuilder json = new StringBuilder("{");
        for (int group = 0; group < 100; group++) {
            json.append(group == 0 ? "" : ", ").append("\"group").append(group).append("\": {");
            for (int i = group; i < keys; i += 100) {
                json.append(i == group ? "" : ", ")
                        .append("\"metric")
                        .append(i)
                        .append("\": ")
                        .append(i / 7.0 + offset);
            }
            json.append('}');
        }
        return json.append('}').toString();
    }

    /** The same metrics as {@link #metrics} in YAML block style: {@code group0:} then {@code   metric0: …} lines. */
    static String metricsYaml(int keys, double offset) {
        StringBuilder yaml = new StringBuilder();
        for (int group = 0; group < 100; group++) {
            yaml.append("group").append(group).append(":\n");
            for (int i = group; i < keys; i += 100) {
                yaml.append("  metric")
                        .append(i)
                        .append(": ")
                        .append(i / 7.0 + offset)
                        .append('\n');
            }
        }
        return yaml.toString();
    }

    /** The same metrics as {@link #metrics} in TOML: a {@code [group0]} table, then {@code metric0 = …} lines. */
    static String metricsToml(int keys, double offset) {
        StringBuilder toml = new StringBuilder();
        for (int group = 0; group < 100; group++) {
            toml.append("[group").append(group).append("]\n");
            for (int i = group; i < keys; i += 100) {
                toml.append("metric")
                        .append(i)
                        .append(" = ")
                        .append(i / 7.0 + offset)
                        .append('\n');
            }
        }
        return toml.toString();
    }

    /** Copies every file below {@code from} to the same place below {@code to}. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Commits everything in the directory (a new repository when there is none) on {@code main}. */
    static void commit(Path directory) throws GitAPIException {
        try (Git git = Git.init()
                .setDirectory(directory.toFile())
                .setInitialBranch("main")
                .call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("main")
                    .setAuthor("bench", "bench@example.com")
                    .setCommitter("bench", "bench@example.com")
                    .setSign(false)
                    .call();
        }
    }

    /** The guide project: main committed (its cached metrics in the DVC cache), the workspace on top. */
    static Path guide(Path fixture, Path target) throws IOException, GitAPIException {
        copy(fixture.resolve("main"), target);
        Path metrics = target.resolve("evaluation/metrics.json");
        byte[] content = Files.readAllBytes(metrics);
        String md5 = md5(content);
        Path object = target.resolve(".dvc/cache/files/md5")
                .resolve(md5.substring(0, 2))
                .resolve(md5.substring(2));
        Files.createDirectories(object.getParent());
        Files.write(object, content);
        Files.delete(metrics);
        Files.writeString(target.resolve(".dvc/config"), "");
        Files.writeString(target.resolve(".dvc/.gitignore"), "/cache\n/tmp\n");
        Files.writeString(target.resolve(".gitignore"), "/evaluation/metrics.json\n");
        commit(target);
        copy(fixture.resolve("workspace"), target);
        return target;
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
