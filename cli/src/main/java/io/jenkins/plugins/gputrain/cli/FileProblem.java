package io.jenkins.plugins.gputrain.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** What is wrong with a file or directory the user named, in words (Java's messages are often just the path). */
final class FileProblem {
    private FileProblem() {}

    /**
     * The reason an I/O operation failed, e.g. {@code no such file or directory}.
     *
     * @param e the failure
     * @return the reason
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a file is in the way (expected a directory)";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message;
    }

    /**
     * Checks an existing directory option ({@code -C}).
     *
     * @param option the option, e.g. {@code -C}
     * @param directory its value
     * @throws CommandFailure naming the option when the directory does not exist or is a file
     */
    static void requireDirectory(String option, Path directory) throws CommandFailure {
        if (!Files.isDirectory(directory)) {
            throw new CommandFailure(option + " '" + directory + "': "
                    + (Files.exists(directory) ? "not a directory" : "no such directory"));
        }
    }

    /**
     * Checks an output directory option ({@code --out}): it may be missing (it is created) but not a file.
     *
     * @param option the option, e.g. {@code --out}
     * @param directory its resolved value
     * @throws CommandFailure naming the option when a file is in the way
     */
    static void requireWritableDirectory(String option, Path directory) throws CommandFailure {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new CommandFailure(option + " '" + directory + "': is a file (expected a directory to write into)");
        }
        for (Path parent = directory.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new CommandFailure(option + " '" + directory + "': " + parent + " is a file (expected a"
                        + " directory to write into)");
            }
        }
    }
}
