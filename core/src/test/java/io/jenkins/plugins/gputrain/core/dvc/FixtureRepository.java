package io.jenkins.plugins.gputrain.core.dvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Builds a Git repository from the guide fixture: {@code main/} committed on branch {@code main} (cached outputs in
 * {@code .dvc/cache}, not in Git, as DVC would leave them), then {@code workspace/} copied on top, uncommitted.
 */
public final class FixtureRepository {
    /** The fixture files: core's test resources, found from the core module or from a sibling module. */
    public static final Path FIXTURES = Stream.of("src/test/resources", "../core/src/test/resources")
            .map(base -> Path.of(base, "mlops-guide-fixture"))
            .filter(Files::isDirectory)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the guide fixture is not in core/src/test/resources"));

    private FixtureRepository() {}

    /**
     * Builds the repository.
     *
     * @param project {@code celestial-bodies} or {@code sklearn-2023}
     * @param target an empty directory
     * @param cachedOutputs repository paths that DVC caches (kept out of Git, put into the DVC 3 cache)
     * @return the work tree
     */
    public static Path create(String project, Path target, Set<String> cachedOutputs) throws IOException {
        Path main = FIXTURES.resolve(project).resolve("main");
        try (Git git = Git.init()
                .setDirectory(target.toFile())
                .setInitialBranch("main")
                .call()) {
            copy(main, target);
            for (String output : cachedOutputs) {
                Path file = target.resolve(output);
                byte[] content = Files.readAllBytes(file);
                Path object = target.resolve(".dvc/cache/files/md5")
                        .resolve(md5(content).substring(0, 2))
                        .resolve(md5(content).substring(2));
                Files.createDirectories(object.getParent());
                Files.write(object, content);
                Files.delete(file);
            }
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("main")
                    .setAuthor("fixture", "fixture@example.com")
                    .setCommitter("fixture", "fixture@example.com")
                    .setSign(false)
                    .call();
            copy(FIXTURES.resolve(project).resolve("workspace"), target);
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        return target;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path destination = to.resolve(from.relativize(file).toString());
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static String md5(byte[] content) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : java.security.MessageDigest.getInstance("MD5").digest(content)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines of a fixture's expected output file. */
    static List<String> expected(String project, String file) {
        try {
            return Files.readAllLines(
                    FIXTURES.resolve(project).resolve("expected").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
