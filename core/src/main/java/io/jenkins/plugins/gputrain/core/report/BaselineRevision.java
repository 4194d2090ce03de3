package io.jenkins.plugins.gputrain.core.report;

import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The baseline revision a report compares with, and the git commands that find it in a checkout: CI checkouts often
 * have only {@code origin/main}, or (shallow clones) not even that, in which case the branch is fetched with depth 1.
 *
 * @param name the revision as given: a branch, tag, {@code origin/…} or a commit
 */
public record BaselineRevision(String name) {
    /** The name of the argument in a Jenkinsfile, used in messages. */
    public static final String FIELD = "baseline";

    private static final String EXPECTED = "a branch, tag or commit such as main, origin/main or v1.2";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._/+@{}^~-]+");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

    /** Checks the name: it is passed to git, so it must be a plain revision, never an option. */
    public BaselineRevision {
        if (name == null || name.isBlank()) {
            throw new InvalidSpecException(FIELD, name, "must not be empty", EXPECTED);
        }
        if (name.startsWith("-")) {
            throw new InvalidSpecException(FIELD, name, "must not start with '-'", EXPECTED);
        }
        if (!SAFE.matcher(name).matches() || name.contains("..")) {
            throw new InvalidSpecException(FIELD, name, "is not a revision name", EXPECTED);
        }
    }

    /** The revisions to try, in order: the name, then the remote-tracking branch of that name. */
    public List<String> candidates() {
        List<String> candidates = new ArrayList<>(List.of(name));
        if (isBranchName()) {
            candidates.add("origin/" + name);
        }
        return candidates;
    }

    /** The command that succeeds when a candidate names a commit in the checkout. */
    public static List<String> probe(String candidate) {
        return List.of("git", "rev-parse", "--verify", "--quiet", candidate + "^{commit}");
    }

    /** The command that fetches the branch into {@code origin/<name>}, one commit deep; empty for other revisions. */
    public List<String> fetch() {
        if (!isBranchName()) {
            return List.of();
        }
        return List.of("git", "fetch", "--depth=1", "origin", "+refs/heads/" + name + ":refs/remotes/origin/" + name);
    }

    private boolean isBranchName() {
        return !name.startsWith("origin/") && !COMMIT.matcher(name).matches() && !name.matches(".*[\\^~{}@].*");
    }
}
