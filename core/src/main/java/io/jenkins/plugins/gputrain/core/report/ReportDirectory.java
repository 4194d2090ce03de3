package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where the report bundle goes: a relative path that stays inside the workspace. */
public final class ReportDirectory {
    /** The name of the argument in a Jenkinsfile, used in messages. */
    public static final String FIELD = "reportDir";

    /** The default directory. */
    public static final String DEFAULT = "gpu-train";

    private static final String EXPECTED = "a relative path inside the workspace, such as " + DEFAULT;

    private ReportDirectory() {}

    /**
     * Checks and normalises a report directory.
     *
     * @param dir the directory as given
     * @return the normalised relative path with {@code /} separators
     * @throws InvalidSpecException when it is absolute, leaves the workspace or is the workspace itself
     */
    public static String normalise(String dir) {
        Path path;
        try {
            path = Path.of(dir).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidSpecException(FIELD, dir, "not a path", EXPECTED);
        }
        if (path.isAbsolute()
                || dir.startsWith("/")
                || dir.startsWith("\\")
                || path.startsWith("..")
                || path.toString().isEmpty()) {
            throw new InvalidSpecException(FIELD, dir, "leaves the workspace", EXPECTED);
        }
        return path.toString().replace('\\', '/');
    }
}
