package io.jenkins.plugins.gputrain.cli;

import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import io.jenkins.plugins.gputrain.core.yaml.BoundedYaml;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one or more kubeconfig files declare (merged as {@code kubectl} merges {@code KUBECONFIG}: the first
 * definition of a name wins), checked before the Kubernetes client reads them so that a malformed file, an unknown
 * context or a context without a cluster is one line naming the file, context and cluster.
 */
final class Kubeconfig {
    /** Largest kubeconfig read. */
    static final int MAX_BYTES = 1024 * 1024;

    private final String files;
    private final Map<String, String> contextClusters;
    private final Map<String, Entry> clusters;
    private final Map<String, String> contextUsers;
    private final Map<String, Entry> users;
    private final String currentContext;
    private final Map<Path, String> texts;
    private final boolean clientReadsAll;

    /** The user fields for impersonation, which the Kubernetes client does not read. */
    private static final List<String> IMPERSONATION = List.of("as", "as-uid", "as-groups", "as-user-extra");

    /**
     * A cluster or user entry and the file that defines it.
     *
     * @param file the kubeconfig file; relative paths in the entry resolve against its directory
     * @param fields the entry's {@code cluster} or {@code user} mapping
     */
    private record Entry(Path file, Map<?, ?> fields) {
        Optional<String> field(String name) {
            return Optional.ofNullable(text(fields.get(name))).filter(value -> !value.isBlank());
        }
    }

    private Kubeconfig(
            Map<Path, String> texts,
            String files,
            Map<String, String> contextClusters,
            Map<String, Entry> clusters,
            Map<String, String> contextUsers,
            Map<String, Entry> users,
            String currentContext,
            boolean clientReadsAll) {
        this.texts = texts;
        this.files = files;
        this.contextClusters = contextClusters;
        this.clusters = clusters;
        this.contextUsers = contextUsers;
        this.users = users;
        this.currentContext = currentContext;
        this.clientReadsAll = clientReadsAll;
    }

    /**
     * Reads and checks kubeconfig files.
     *
     * @param paths the files, in precedence order
     * @return what they declare
     * @throws CommandFailure naming the file when one is unreadable, empty or not a kubeconfig
     */
    static Kubeconfig read(List<Path> paths) throws CommandFailure {
        Map<String, String> contexts = new LinkedHashMap<>();
        Map<String, Entry> clusters = new LinkedHashMap<>();
        Map<String, String> contextUsers = new LinkedHashMap<>();
        Map<String, Entry> users = new LinkedHashMap<>();
        String current = null;
        Map<Path, String> read = new LinkedHashMap<>();
        boolean clientReadsAll = true;
        for (Path path : paths) {
            String text = readText(path);
            Optional<Map<?, ?>> parsed = document(path, text, paths.size() > 1);
            // The client's own discovery reads only regular files and skips only those of zero length.
            clientReadsAll &= Files.isRegularFile(path) && (parsed.isPresent() || text.isEmpty());
            if (parsed.isEmpty()) {
                continue;
            }
            read.put(path, text);
            Map<?, ?> document = parsed.get();
            for (Map<?, ?> entry : named(path, document, "contexts")) {
                String name = name(path, "contexts", entry);
                if (!contexts.containsKey(name)) {
                    contexts.put(name, text(section(entry, "context").get("cluster")));
                    contextUsers.put(name, text(section(entry, "context").get("user")));
                }
            }
            for (Map<?, ?> entry : named(path, document, "users")) {
                users.putIfAbsent(name(path, "users", entry), new Entry(path, section(entry, "user")));
            }
            for (Map<?, ?> entry : named(path, document, "clusters")) {
                clusters.putIfAbsent(name(path, "clusters", entry), new Entry(path, section(entry, "cluster")));
            }
            String declared = text(document.get("current-context"));
            if (current == null && declared != null && !declared.isBlank()) {
                current = declared;
            }
        }
        if (read.isEmpty()) {
            throw new CommandFailure("kubeconfig files "
                    + String.join(
                            java.io.File.pathSeparator,
                            paths.stream().map(Path::toString).toList())
                    + " are all empty (expected apiVersion: v1, kind: Config with clusters, contexts and"
                    + " current-context)");
        }
        String described = String.join(
                java.io.File.pathSeparator,
                read.keySet().stream().map(Path::toString).toList());
        return new Kubeconfig(read, described, contexts, clusters, contextUsers, users, current, clientReadsAll);
    }

    /**
     * The context to use, checked: it exists, names a defined cluster, and that cluster has a server.
     *
     * @param requested {@code --context}, or {@code null} for the current context
     * @return the context's name
     * @throws CommandFailure naming the file, context and cluster, and listing the known contexts
     */
    String context(String requested) throws CommandFailure {
        String known = contextClusters.isEmpty() ? "none" : String.join(", ", contextClusters.keySet());
        String name = requested;
        if (name == null) {
            if (currentContext == null || currentContext.isBlank()) {
                throw new CommandFailure("kubeconfig " + files + " has no current-context; pass --context (known"
                        + " contexts: " + known + ")");
            }
            name = currentContext;
        }
        if (!contextClusters.containsKey(name)) {
            throw new CommandFailure((requested == null ? "current-context '" : "--context '")
                    + ErrorReporting.oneLine(name) + "' is not in kubeconfig " + files + " (known contexts: "
                    + known + ")");
        }
        String cluster = contextClusters.get(name);
        if (cluster == null || !clusters.containsKey(cluster)) {
            throw new CommandFailure("kubeconfig " + files + ": context '" + name + "' names cluster '"
                    + (cluster == null ? "" : cluster) + "', which is not defined (known clusters: "
                    + (clusters.isEmpty() ? "none" : String.join(", ", clusters.keySet())) + ")");
        }
        Optional<String> declaredServer =
                Optional.ofNullable(text(clusters.get(cluster).fields().get("server")));
        if (declaredServer.isEmpty()) {
            throw new CommandFailure("kubeconfig " + files + ": cluster '" + cluster + "' of context '" + name
                    + "' has no server (expected cluster.server: https://HOST:PORT)");
        }
        String server = declaredServer.get();
        if (!isServerUrl(server)) {
            throw new CommandFailure("kubeconfig " + files + ": cluster '" + cluster + "' of context '" + name
                    + "' has server '" + ErrorReporting.oneLine(server) + "' (expected https://HOST:PORT)");
        }
        String user = contextUsers.get(name);
        if (user != null && !user.isBlank() && !users.containsKey(user)) {
            throw new CommandFailure("kubeconfig " + files + ": context '" + name + "' names user '" + user
                    + "', which is not defined (known users: "
                    + (users.isEmpty() ? "none" : String.join(", ", users.keySet())) + ")");
        }
        unsupported(name, "cluster", cluster, clusters.get(cluster), List.of("tls-server-name"));
        if (user != null && users.containsKey(user)) {
            unsupported(name, "user", user, users.get(user), IMPERSONATION);
            refuseInteractiveWithoutTerminal(name, user, users.get(user));
            if (users.get(user).fields().get("exec") instanceof Map<?, ?> exec
                    && Boolean.TRUE.equals(exec.get("provideClusterInfo"))) {
                throw new CommandFailure("kubeconfig " + files + ": user '" + user + "' of context '" + name
                        + "' sets exec provideClusterInfo, which gpu-train's Kubernetes client (fabric8) does not"
                        + " support");
            }
        }
        return name;
    }

    /**
     * An exec plugin that must prompt ({@code interactiveMode: Always}) cannot without a terminal; the client would
     * start it anyway and wait for it for ever, so it is refused as client-go refuses it.
     */
    private void refuseInteractiveWithoutTerminal(String context, String name, Entry user) throws CommandFailure {
        if (System.console() == null
                && user.fields().get("exec") instanceof Map<?, ?> exec
                && "Always".equals(text(exec.get("interactiveMode")))) {
            throw new CommandFailure("kubeconfig " + files + ": user '" + name + "' of context '" + context
                    + "': getting credentials: exec plugin cannot support interactive mode: standard input is not a"
                    + " terminal (expected interactiveMode Never or IfAvailable where gpu-train runs without one)");
        }
    }

    /** Refuses fields the Kubernetes client would silently ignore. */
    private void unsupported(String context, String kind, String name, Entry entry, List<String> fields)
            throws CommandFailure {
        for (String field : fields) {
            if (entry.fields().get(field) != null) {
                throw new CommandFailure("kubeconfig " + files + ": " + kind + " '" + name + "' of context '" + context
                        + "' sets " + field + ", which gpu-train's Kubernetes client (fabric8) does not support");
            }
        }
    }

    /**
     * The proxy of a context's cluster ({@code clusters[].cluster.proxy-url}).
     *
     * @param context a context {@link #context} checked
     * @return the proxy URL; empty when the cluster has none
     */
    Optional<String> proxyUrl(String context) {
        return clusters.get(cluster(context)).field("proxy-url");
    }

    /**
     * The token file of a context's user ({@code users[].user.tokenFile}), relative to its kubeconfig's directory.
     *
     * @param context a context {@link #context} checked
     * @return the file; empty when the user has none (or the context names no user)
     */
    Optional<Path> tokenFile(String context) {
        Entry user = users.get(contextUsers.get(context));
        if (user == null) {
            return Optional.empty();
        }
        return user.field("tokenFile")
                .map(file -> Files.isRegularFile(user.file())
                        ? user.file().toAbsolutePath().resolveSibling(file)
                        : Path.of(file));
    }

    /**
     * Whether the Kubernetes client's own discovery reads exactly the files read here: all are regular files and
     * none was skipped except empty ones (the client fails on a file of only comments).
     */
    boolean clientReadsAll() {
        return clientReadsAll;
    }

    /**
     * The exec credential plugin of a context's user.
     *
     * @param context a context {@link #context} checked
     * @return the plugin; empty when the user has none (or the context names no user)
     */
    Optional<ExecPlugin> execPlugin(String context) {
        Entry user = users.get(contextUsers.get(context));
        if (user == null
                || !(user.fields().get("exec") instanceof Map<?, ?> exec)
                || text(exec.get("command")) == null) {
            return Optional.empty();
        }
        List<String> args = exec.get("args") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        Map<String, String> env = new LinkedHashMap<>();
        if (exec.get("env") instanceof List<?> list) {
            list.stream()
                    .filter(Map.class::isInstance)
                    .map(Map.class::cast)
                    .filter(variable -> text(variable.get("name")) != null && text(variable.get("value")) != null)
                    .forEach(variable -> env.put(text(variable.get("name")), text(variable.get("value"))));
        }
        return Optional.of(new ExecPlugin(
                resolveCommand(user.file(), text(exec.get("command"))), args, env, text(exec.get("apiVersion"))));
    }

    /** A command with a directory but not absolute resolves against its kubeconfig's directory, as for the client. */
    private static String resolveCommand(Path file, String command) {
        if (!command.contains("/") || command.startsWith("/") || !Files.isRegularFile(file)) {
            return command;
        }
        return file.toAbsolutePath().resolveSibling(command).normalize().toString();
    }

    /** Whether a server is an http(s) URL with a host, or a {@code HOST:PORT} that the client completes. */
    private static boolean isServerUrl(String server) {
        try {
            URI uri = new URI(server.contains("://") ? server : "https://" + server);
            return (uri.getScheme().equals("https") || uri.getScheme().equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The cluster a context names (after {@link #context} checked it). */
    String cluster(String context) {
        return contextClusters.get(context);
    }

    /** The file or files read, for messages. */
    String files() {
        return files;
    }

    /**
     * The files read (empty ones skipped) as the Kubernetes client's documents, in precedence order: a regular file
     * parsed by the client from its path (relative certificate paths resolve against it), a stream such as
     * {@code --kubeconfig <(…)}, which can be read only once, from the text read here.
     *
     * @return the documents
     * @throws io.fabric8.kubernetes.client.KubernetesClientException when the client cannot parse one
     */
    io.fabric8.kubernetes.api.model.Config[] documents() {
        return texts.entrySet().stream()
                .map(file -> Files.isRegularFile(file.getKey())
                        ? KubeConfigUtils.parseConfig(file.getKey().toFile())
                        : KubeConfigUtils.parseConfigFromString(file.getValue()))
                .toArray(io.fabric8.kubernetes.api.model.Config[]::new);
    }

    private static String readText(Path path) throws CommandFailure {
        try {
            return BoundedFile.read(path, MAX_BYTES);
        } catch (BoundedFile.Refused e) {
            throw new CommandFailure("kubeconfig " + path + " is " + e.getMessage(), e);
        } catch (MalformedInputException e) {
            throw new CommandFailure("kubeconfig " + path + " is not UTF-8 text (expected a YAML kubeconfig)", e);
        } catch (IOException e) {
            throw new CommandFailure("cannot read kubeconfig " + path + ": " + FileProblem.reason(e), e);
        }
    }

    /** A file's document; empty when it is empty (or only comments) and {@code skipEmpty}, as kubectl skips it. */
    private static Optional<Map<?, ?>> document(Path path, String text, boolean skipEmpty) throws CommandFailure {
        Object document;
        try {
            document = BoundedYaml.read("kubeconfig", text);
        } catch (InvalidSpecException e) {
            throw new CommandFailure("kubeconfig " + path + " is not valid YAML: " + e.reason(), e);
        }
        if (document == null && skipEmpty) {
            return Optional.empty();
        }
        if (document == null) {
            throw new CommandFailure("kubeconfig " + path + " is empty (expected apiVersion: v1, kind: Config with"
                    + " clusters, contexts and current-context)");
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new CommandFailure("kubeconfig " + path + " is not a kubeconfig (expected a mapping with clusters,"
                    + " contexts and current-context, found " + kind(document) + ")");
        }
        return Optional.of(map);
    }

    private static List<Map<?, ?>> named(Path path, Map<?, ?> document, String key) throws CommandFailure {
        Object value = document.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
            throw new CommandFailure("kubeconfig " + path + ": '" + key + "' is " + kind(value)
                    + " (expected a list of entries with name and " + key.substring(0, key.length() - 1) + ")");
        }
        List<Map<?, ?>> entries = new java.util.ArrayList<>();
        list.forEach(entry -> entries.add((Map<?, ?>) entry));
        return entries;
    }

    private static String name(Path path, String key, Map<?, ?> entry) throws CommandFailure {
        String name = text(entry.get("name"));
        if (name == null || name.isBlank()) {
            throw new CommandFailure("kubeconfig " + path + ": an entry of '" + key + "' has no name");
        }
        return name;
    }

    private static Map<?, ?> section(Map<?, ?> entry, String key) {
        return entry.get(key) instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String text(Object value) {
        return value == null || value instanceof Map || value instanceof List ? null : value.toString();
    }

    private static String kind(Object value) {
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        return "a scalar";
    }
}
