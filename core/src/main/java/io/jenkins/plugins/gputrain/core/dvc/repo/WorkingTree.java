package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The working tree of a repository: DVC's {@code workspace} revision. Never reads outside its root. */
public final class WorkingTree implements RepoTree {
    private static final Set<String> SKIPPED = Set.of(".git", ".dvc");

    private final Path root;
    private final long maxBytes;

    /**
     * Opens a working tree.
     *
     * @param root the repository root
     * @param maxBytes the largest file read
     * @throws IOException when the root cannot be resolved
     */
    public WorkingTree(Path root, long maxBytes) throws IOException {
        this.root = root.toRealPath();
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        Optional<Path> file = inside(path);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        if (Files.size(file.get()) > maxBytes) {
            throw new FileTooLargeException(path, maxBytes);
        }
        return Optional.of(Files.readAllBytes(file.get()));
    }

    @Override
    public boolean isDirectory(String path) throws IOException {
        Optional<Path> directory = inside(path);
        return directory.isPresent() && Files.isDirectory(directory.get());
    }

    @Override
    public List<String> filesUnder(String directory) throws IOException {
        Optional<Path> start = inside(directory);
        if (start.isEmpty() || !Files.isDirectory(start.get())) {
            return List.of();
        }
        return walk(start.get(), null);
    }

    @Override
    public List<String> find(String fileName) throws IOException {
        return walk(root, fileName);
    }

    /** The regular files under start, as repository paths in order; {@code .git} and {@code .dvc} are not entered. */
    private List<String> walk(Path start, String fileName) throws IOException {
        List<String> found = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return skipped(directory) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String relative = relative(file);
                String name = relative.substring(relative.lastIndexOf('/') + 1);
                if (attributes.isRegularFile() && !skipped(file) && (fileName == null || name.equals(fileName))) {
                    found.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found.stream().sorted().toList();
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private boolean skipped(Path file) {
        return Stream.of(relative(file).split("/")).anyMatch(SKIPPED::contains);
    }

    /** The file for a repository path, if it stays inside the root after following links. */
    private Optional<Path> inside(String path) throws IOException {
        Path file = path.isEmpty() ? root : root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.exists(file)) {
            return Optional.empty();
        }
        Path real = file.toRealPath();
        return real.startsWith(root) ? Optional.of(real) : Optional.empty();
    }
}
