package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Where {@code run} and {@code gc} take their cluster configuration from: the files kubectl would read, with the
 * settings of the environment. The environment is that of a child JVM ({@link TargetProbe}), never this one's.
 */
class ClusterConnectionTest {
    private static final String GPU =
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: prod
              cluster: {server: "https://127.0.0.1:1"}
            contexts:
            - name: gpu
              context: {cluster: prod}
            current-context: gpu
            """;

    @TempDir
    Path temp;

    @Test
    void theEnvironmentsSettingsApplyToTheDiscoveredKubeconfigAndToKubeconfigFile() throws Exception {
        Path file = write("config", GPU);
        Map<String, String> environment = Map.of(
                "KUBECONFIG", file.toString(),
                "HTTPS_PROXY", "http://proxy.example:3128",
                "NO_PROXY", "10.0.0.0/8,.internal",
                "KUBERNETES_NAMESPACE", "training");

        for (List<String> args : List.of(List.<String>of(), List.of("--kubeconfig", file.toString()))) {
            assertThat(probe(environment, args))
                    .as(args.toString())
                    .containsEntry("origin", "kubeconfig " + file + ", context gpu, cluster prod")
                    .containsEntry("masterUrl", "https://127.0.0.1:1/")
                    .containsEntry("namespace", "training")
                    .containsEntry("requestTimeout", "30000")
                    .containsEntry("httpsProxy", "http://proxy.example:3128")
                    .containsEntry("noProxy", "10.0.0.0/8,.internal");
        }
    }

    @Test
    void withoutTheEnvironmentsSettingsTheKubeconfigsOwnApply() throws Exception {
        Path file = write("config", GPU.replace("{cluster: prod}", "{cluster: prod, namespace: ml}"));

        assertThat(probe(Map.of("KUBECONFIG", file.toString()), List.of()))
                .containsEntry("namespace", "ml")
                .containsEntry("httpsProxy", "null")
                .containsEntry("noProxy", "");
    }

    @Test
    void emptyAndCommentOnlyFilesInAKubeconfigListAreSkippedAsKubectlSkipsThem() throws Exception {
        Path empty = write("empty", "");
        Path comments = write("comments", "# nothing yet\n");
        Path config = write("config", GPU);

        assertThat(probe(Map.of("KUBECONFIG", list(empty, comments, config)), List.of()))
                .containsEntry("origin", "kubeconfig " + config + ", context gpu, cluster prod")
                .containsEntry("masterUrl", "https://127.0.0.1:1/");
    }

    @Test
    void aListOfOnlyEmptyFilesIsRefusedNamingThem() throws Exception {
        Path empty = write("empty", "");
        Path comments = write("comments", "# nothing yet\n");

        assertThat(probe(Map.of("KUBECONFIG", list(empty, comments)), List.of()))
                .containsOnly(Map.entry(
                        "failure",
                        "kubeconfig files " + list(empty, comments) + " are all empty (expected apiVersion: v1, kind:"
                                + " Config with clusters, contexts and current-context)"));
    }

    @Test
    void anUnsetCurrentContextInTheFirstFileLeavesTheNextFilesOne() throws Exception {
        Path unset = write("unset", "apiVersion: v1\nkind: Config\ncurrent-context: \"\"\n");
        Path config = write("config", GPU);

        assertThat(probe(Map.of("KUBECONFIG", list(unset, config)), List.of()))
                .containsEntry("origin", "kubeconfig " + list(unset, config) + ", context gpu, cluster prod")
                .containsEntry("masterUrl", "https://127.0.0.1:1/");
    }

    @Test
    void inClusterConfigurationNeedsTheServiceHostAndPort() throws Exception {
        String looked = "no kubeconfig found (--kubeconfig not given, KUBECONFIG not set, no " + temp
                + "/.kube/config), and in-cluster configuration was tried: ";
        String end = " (not running in a pod); pass --kubeconfig FILE";

        assertThat(probe(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"), List.of()))
                .containsOnly(Map.entry(
                        "failure", looked + "KUBERNETES_SERVICE_HOST is set but KUBERNETES_SERVICE_PORT is not" + end));
        assertThat(probe(Map.of("KUBERNETES_SERVICE_PORT", "443"), List.of()))
                .containsOnly(Map.entry(
                        "failure", looked + "KUBERNETES_SERVICE_PORT is set but KUBERNETES_SERVICE_HOST is not" + end));
    }

    @Test
    void aKubeconfigStreamAsProcessSubstitutionGivesItIsReadOnce() throws Exception {
        Path fifo = fifo(GPU);

        ClusterConnection.Target target = CommandLine.populateCommand(
                        new ClusterConnection(), "--kubeconfig", fifo.toString())
                .target();

        assertThat(target.origin()).isEqualTo("kubeconfig " + fifo + ", context gpu, cluster prod");
        assertThat(target.config().getMasterUrl()).isEqualTo("https://127.0.0.1:1/");
    }

    @Test
    void anExecPluginsTokenIsRenewedForAKubeconfigListWhoseUserIsInAnotherFile() throws Exception {
        Path contexts = write("contexts", GPU.replace("{cluster: prod}", "{cluster: prod, user: sso}"));
        Path users = write("users", execUser(countingPlugin()));

        assertThat(probe(Map.of("KUBECONFIG", list(contexts, users)), List.of()))
                .containsEntry("token", "token-1")
                .containsEntry("refreshedToken", "token-2");
    }

    @Test
    void anExecPluginsTokenIsRenewedWhenTheListHasAFileOfOnlyComments() throws Exception {
        Path comments = write("comments", "# nothing yet\n");
        Path contexts = write("contexts", GPU.replace("{cluster: prod}", "{cluster: prod, user: sso}"));
        Path users = write("users", execUser(countingPlugin()));

        assertThat(probe(Map.of("KUBECONFIG", list(comments, contexts, users)), List.of()))
                .containsEntry("origin", "kubeconfig " + list(contexts, users) + ", context gpu, cluster prod")
                .containsEntry("token", "token-1")
                .containsEntry("refreshedToken", "token-2");
    }

    @Test
    void anExecPluginsTokenIsRenewedForKubeconfigFile() throws Exception {
        Path file = write(
                "config",
                GPU.replace("{cluster: prod}", "{cluster: prod, user: sso}")
                        + execUser(countingPlugin()).replace("apiVersion: v1\nkind: Config\n", ""));

        assertThat(probe(Map.of(), List.of("--kubeconfig", file.toString())))
                .containsEntry("token", "token-1")
                .containsEntry("refreshedToken", "token-2");
    }

    @Test
    void anExecPluginsTokenIsRenewedForAKubeconfigStream() throws Exception {
        String kubeconfig = GPU.replace("{cluster: prod}", "{cluster: prod, user: sso}")
                + execUser(countingPlugin()).replace("apiVersion: v1\nkind: Config\n", "");

        ClusterConnection.Target target = CommandLine.populateCommand(
                        new ClusterConnection(),
                        "--kubeconfig",
                        fifo(kubeconfig).toString())
                .target();

        assertThat(target.config().getAutoOAuthToken()).isEqualTo("token-1");
        assertThat(target.config().refresh().getAutoOAuthToken()).isEqualTo("token-2");
    }

    @Test
    void malformedClientSettingsAreNamedBeforeTheKubeconfigOrTheServiceAccount() throws Exception {
        Path file = write("config", GPU);
        Path token = write("token", "secret");
        Map<String, String> inCluster = Map.of(
                "KUBERNETES_SERVICE_HOST", "10.0.0.1",
                "KUBERNETES_SERVICE_PORT", "443",
                "KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN", token.toString(),
                "KUBERNETES_WATCH_RECONNECTLIMIT", "many");

        assertThat(probe(Map.of("KUBECONFIG", file.toString(), "KUBERNETES_REQUEST_TIMEOUT", "abc"), List.of()))
                .containsOnly(Map.entry(
                        "failure", "KUBERNETES_REQUEST_TIMEOUT=abc: expected a whole number of milliseconds"));
        assertThat(probe(
                        Map.of("KUBECONFIG", file.toString(), "KUBERNETES_CONNECTION_TIMEOUT", "9999999999"),
                        List.of()))
                .containsOnly(Map.entry(
                        "failure",
                        "KUBERNETES_CONNECTION_TIMEOUT=9999999999: expected a whole number of milliseconds"));
        assertThat(probe(Map.of("KUBERNETES_TLS_VERSIONS", "TLSv1.3,TLSv9"), List.of("--kubeconfig", file.toString())))
                .containsOnly(Map.entry(
                        "failure",
                        "KUBERNETES_TLS_VERSIONS=TLSv1.3,TLSv9: expected a comma-separated list of TLSv1.3, TLSv1.2,"
                                + " TLSv1.1, TLSv1, SSLv3"));
        assertThat(probe(inCluster, List.of()))
                .containsOnly(Map.entry("failure", "KUBERNETES_WATCH_RECONNECTLIMIT=many: expected a whole number"));
    }

    @Test
    void aKubeconfigVariableNamingADirectorySaysSo() throws Exception {
        assertThat(probe(Map.of("KUBECONFIG", temp.toString()), List.of()))
                .containsOnly(Map.entry(
                        "failure",
                        "KUBECONFIG=" + temp + ": is a directory (expected a kubeconfig file; or pass --kubeconfig"
                                + " FILE)"));
    }

    @Test
    void noProxyEntriesAreTrimmedAndAStarMeansNoProxy() throws Exception {
        Path file = write("config", GPU);
        Map<String, String> proxy = Map.of("KUBECONFIG", file.toString(), "HTTPS_PROXY", "http://proxy.example:3128");

        assertThat(probe(with(proxy, "NO_PROXY", "localhost, 127.0.0.1,, *.internal "), List.of()))
                .containsEntry("httpsProxy", "http://proxy.example:3128")
                .containsEntry("noProxy", "localhost,127.0.0.1,.internal");
        assertThat(probe(Map.of("KUBECONFIG", file.toString(), "NO_PROXY", "localhost,my host"), List.of()))
                .containsEntry("httpsProxy", "null")
                .containsEntry("noProxy", "localhost,my host");
        assertThat(probe(
                        Map.of(
                                "KUBECONFIG",
                                file.toString(),
                                "HTTP_PROXY",
                                "http://proxy.example:3128",
                                "NO_PROXY",
                                "localhost,my host"),
                        List.of()))
                .as("an https server with only HTTP_PROXY: the client never reads NO_PROXY")
                .containsEntry("noProxy", "localhost,my host");
        assertThat(probe(with(proxy, "NO_PROXY", "localhost, *"), List.of()))
                .containsEntry("httpsProxy", "null")
                .containsEntry("httpProxy", "null");
        assertThat(probe(with(proxy, "NO_PROXY", "localhost,my host"), List.of()))
                .containsOnly(Map.entry(
                        "failure",
                        "NO_PROXY entry 'my host' is not a host, domain, IP address or CIDR range (expected entries"
                                + " separated by commas, or *)"));
    }

    @Test
    void aClustersProxyUrlIsUsedForEitherSchemeAndTheEnvironmentsIgnored() throws Exception {
        Path file = write(
                "config",
                GPU.replace(
                        "server: \"https://127.0.0.1:1\"",
                        "server: \"https://127.0.0.1:1\"," + " proxy-url: \"http://cluster-proxy.example:3128\""));

        assertThat(probe(
                        Map.of(
                                "KUBECONFIG", file.toString(),
                                "HTTPS_PROXY", "http://proxy.example:3128",
                                "HTTP_PROXY", "http://proxy.example:3128",
                                "NO_PROXY", "127.0.0.1"),
                        List.of()))
                .containsEntry("httpsProxy", "http://cluster-proxy.example:3128")
                .containsEntry("httpProxy", "http://cluster-proxy.example:3128")
                .containsEntry("noProxy", "");
    }

    @Test
    void aUsersTokenFileIsReadRelativeToItsKubeconfig() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("kube"));
        Path kubeconfig = Files.writeString(
                directory.resolve("config"),
                GPU.replace("{cluster: prod}", "{cluster: prod, user: robot}")
                        + "users:\n- name: robot\n  user: {tokenFile: token}\n");
        Files.writeString(directory.resolve("token"), "first-token\n");

        ClusterConnection.Target target = CommandLine.populateCommand(
                        new ClusterConnection(), "--kubeconfig", kubeconfig.toString())
                .target();

        // re-reading it once a minute: TokenFileTest
        assertThat(target.config().getOauthTokenProvider().getToken()).isEqualTo("first-token");
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> extended = new java.util.HashMap<>(environment);
        extended.put(name, value);
        return extended;
    }

    /** A kubeconfig of one user, {@code sso}, whose exec plugin is the given script. */
    private static String execUser(Path plugin) {
        return """
                apiVersion: v1
                kind: Config
                users:
                - name: sso
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: %s, interactiveMode: Never}
                """
                .formatted(plugin);
    }

    /** An exec credential plugin that prints {@code token-1}, then {@code token-2} … */
    private Path countingPlugin() throws IOException {
        Path counter = temp.resolve("count");
        Path plugin = write(
                "plugin.sh",
                """
                #!/bin/sh
                n=$(cat %s 2>/dev/null || echo 0); n=$((n + 1)); echo $n > %s
                echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",'\
                '"status":{"token":"token-'$n'"}}'
                """
                        .formatted(counter, counter));
        Assumptions.assumeTrue(plugin.toFile().setExecutable(true), "needs an executable plugin");
        return plugin;
    }

    /** A named pipe that gives the text once, as {@code <(…)} does. */
    private Path fifo(String text) throws Exception {
        Path fifo = temp.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "needs mkfifo");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        return fifo;
    }

    /** Runs {@link TargetProbe} in a JVM with only the given environment (and a home without a kubeconfig). */
    private Map<String, String> probe(Map<String, String> environment, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TargetProbe.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().put("HOME", temp.toString());
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        Map<String, String> printed = new java.util.LinkedHashMap<>();
        out.lines()
                .forEach(line ->
                        printed.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return printed;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    private static String list(Path... files) {
        return String.join(
                File.pathSeparator,
                java.util.Arrays.stream(files).map(Path::toString).toList());
    }
}
