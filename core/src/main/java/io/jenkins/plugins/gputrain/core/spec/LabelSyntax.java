package io.jenkins.plugins.gputrain.core.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/** The syntax Kubernetes requires of label keys and values (and of qualified names such as resource names). */
public final class LabelSyntax {
    /** What a valid label value looks like, for messages. */
    public static final String VALUE_RULE =
            "at most 63 characters, alphanumeric at both ends, '-', '_' or '.' inside, or empty";

    /** What a valid label key looks like, for messages. */
    public static final String KEY_RULE =
            "[prefix/]name: name at most 63 characters, alphanumeric at both ends, '-', '_' or '.' inside;"
                    + " optional prefix a DNS subdomain of at most 253 characters";

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final int MAX_NAME = 63;
    private static final int MAX_PREFIX = 253;

    private LabelSyntax() {}

    /**
     * Checks a label value.
     *
     * @param value the value
     * @return what is wrong with it, or empty when it is valid
     */
    public static Optional<String> valueProblem(String value) {
        if (value.length() > MAX_NAME) {
            return Optional.of("is " + value.length() + " characters long");
        }
        if (!value.isEmpty() && !NAME.matcher(value).matches()) {
            return Optional.of("must be alphanumeric at both ends with only '-', '_' or '.' inside");
        }
        return Optional.empty();
    }

    /**
     * Turns free text (a user or job name) into a label value: characters a value cannot hold become {@code -}, the
     * ends are trimmed to alphanumerics, and the result is cut to 63 characters.
     *
     * @param text the text
     * @return the value, or empty when nothing usable is left
     */
    public static Optional<String> toValue(String text) {
        String replaced = text.replaceAll("[^-A-Za-z0-9_.]", "-");
        String cut = replaced.substring(0, Math.min(replaced.length(), MAX_NAME));
        String trimmed = cut.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    /**
     * Checks a label key (a qualified name).
     *
     * @param key the key
     * @return what is wrong with it, or empty when it is valid
     */
    public static Optional<String> keyProblem(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (!isDnsSubdomain(prefix)) {
                return Optional.of(
                        "prefix '" + prefix + "' must be a lower-case DNS subdomain of at most 253" + " characters");
            }
        }
        if (name.isEmpty()) {
            return Optional.of("name part is empty");
        }
        if (name.length() > MAX_NAME) {
            return Optional.of("name part is " + name.length() + " characters long (at most 63)");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(
                    "name part '" + name + "' must be alphanumeric at both ends with only '-', '_' or" + " '.' inside");
        }
        return Optional.empty();
    }

    /**
     * Checks a DNS subdomain (RFC 1123), as names of Secrets and service accounts must be.
     *
     * @param name the name
     * @return whether it is valid
     */
    public static boolean isDnsSubdomain(String name) {
        return name.length() <= MAX_PREFIX && DNS_SUBDOMAIN.matcher(name).matches();
    }

    /**
     * Checks a DNS label (RFC 1123), as namespaces and container names must be.
     *
     * @param name the name
     * @return whether it is valid
     */
    public static boolean isDnsLabel(String name) {
        return name.length() <= MAX_NAME && DNS_LABEL.matcher(name).matches();
    }
}
