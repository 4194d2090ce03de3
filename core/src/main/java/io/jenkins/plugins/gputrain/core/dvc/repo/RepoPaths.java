package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Joins and normalizes repository paths, refusing any that would leave the repository. */
public final class RepoPaths {
    private RepoPaths() {}

    /**
     * Resolves a path written in a file that lives in {@code directory}.
     *
     * @param directory the repository-relative directory ({@code ""} for the root)
     * @param path the path as written; {@code ..} is allowed as long as it stays inside
     * @return the normalized repository path, or empty when it is absolute or leaves the repository
     */
    public static Optional<String> resolve(String directory, String path) {
        if (path == null
                || path.isEmpty()
                || path.startsWith("/")
                || path.startsWith("\\")
                || path.matches("^[A-Za-z]:.*")
                || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (directory.isEmpty() ? path : directory + "/" + path)
                .replace('\\', '/')
                .split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    /** The directory of a repository path ({@code ""} at the root). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
