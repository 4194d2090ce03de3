package io.jenkins.plugins.gputrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code run} and {@code gc} say about a kubeconfig they cannot use: one line naming file, context, cluster. */
class KubeconfigErrorsTest {
    private static final String VALID =
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: prod
              cluster: {server: "https://127.0.0.1:1"}
            - name: empty
              cluster: {}
            contexts:
            - name: gpu
              context: {cluster: prod}
            - name: cpu
              context: {cluster: prod}
            - name: orphan
              context: {cluster: nowhere}
            - name: serverless
              context: {cluster: empty}
            current-context: gpu
            """;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "empty => '' => is empty (expected apiVersion: v1, kind: Config with clusters, contexts and"
                        + " current-context)",
                "list => '- a\n- b\n' => is not a kubeconfig (expected a mapping with clusters, contexts and"
                        + " current-context, found a list)",
                "malformed => 'clusters: [\n' => is not valid YAML: ",
                "contexts not a list => 'contexts: {a: b}\n' => : 'contexts' is a mapping (expected a list of entries"
                        + " with name and context)",
                "no current context => 'contexts: [{name: a, context: {cluster: c}}]\n' => has no current-context;"
                        + " pass --context (known contexts: a)",
                "scalar => 'just text' => is not a kubeconfig (expected a mapping with clusters, contexts and current-context, found a scalar)",
            })
    void aKubeconfigThatIsNotOneIsOneLineNamingTheFile(String name, String content, String expected)
            throws IOException {
        Path kubeconfig = temp.resolve(name.replace(' ', '-'));
        Files.writeString(kubeconfig, content);

        for (String command : new String[] {"gc", "run"}) {
            CliRun run = command.equals("gc")
                    ? CliRun.of("gc", "--kubeconfig", kubeconfig.toString())
                    : CliRun.of("run", "-C", temp.toString(), "--kubeconfig", kubeconfig.toString(), "--", "true");

            assertThat(run.exitCode).as(command).isEqualTo(1);
            assertThat(run.err).as(command).startsWith("ERROR: ").contains(kubeconfig.toString(), expected);
            assertThat(run.err.lines()).as(command).hasSize(1);
        }
    }

    @Test
    void anUnknownContextIsAnErrorListingTheKnownOnesNotTheCurrentContextSilently() throws IOException {
        CliRun run = CliRun.of("gc", "--kubeconfig", valid().toString(), "--context", "typo");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err)
                .isEqualTo("ERROR: --context 'typo' is not in kubeconfig " + valid()
                        + " (known contexts: gpu, cpu, orphan, serverless)\n");
    }

    @Test
    void aContextWithoutItsClusterOrAClusterWithoutServerIsNamed() throws IOException {
        CliRun orphan = CliRun.of("gc", "--kubeconfig", valid().toString(), "--context", "orphan");
        CliRun serverless = CliRun.of("gc", "--kubeconfig", valid().toString(), "--context", "serverless");

        assertThat(orphan.err)
                .isEqualTo("ERROR: kubeconfig " + valid() + ": context 'orphan' names cluster 'nowhere', which is not"
                        + " defined (known clusters: prod, empty)\n");
        assertThat(serverless.err)
                .isEqualTo("ERROR: kubeconfig " + valid() + ": cluster 'empty' of context 'serverless' has no server"
                        + " (expected cluster.server: https://HOST:PORT)\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'::not a url'", "ftp://host:21", "https://", "'https://host name'"})
    void aServerThatIsNotAUrlIsNamedBeforeConnecting(String server) throws IOException {
        Path kubeconfig = Files.writeString(temp.resolve("bad-server"), VALID.replace("https://127.0.0.1:1", server));

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err)
                .isEqualTo("ERROR: kubeconfig " + kubeconfig + ": cluster 'prod' of context 'gpu' has server '" + server
                        + "' (expected https://HOST:PORT)\n");
    }

    @Test
    void aServerWithoutSchemeIsLeftToTheClientNotRefused() throws IOException {
        Path kubeconfig =
                Files.writeString(temp.resolve("no-scheme"), VALID.replace("https://127.0.0.1:1", "127.0.0.1:1"));

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString());

        // fabric8 completes it (https:// only with certificate data, else http://; kubectl always uses https://)
        assertThat(run.err)
                .startsWith("ERROR: cannot reach the Kubernetes API at ")
                .contains("127.0.0.1:1/ (kubeconfig ");
    }

    @Test
    void aContextNamingAnUndefinedUserIsNamedWithTheKnownUsers() throws IOException {
        Path kubeconfig = Files.writeString(
                temp.resolve("ghost-user"),
                VALID.replace("{cluster: prod}", "{cluster: prod, user: nobody}")
                        + "users:\n- name: admin\n  user: {token: abc}\n");

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err)
                .isEqualTo("ERROR: kubeconfig " + kubeconfig + ": context 'gpu' names user 'nobody', which is not"
                        + " defined (known users: admin)\n");
    }

    @Test
    void aFailingExecCredentialPluginIsNamedWithItsFirstLine() throws IOException {
        Path plugin = Files.writeString(
                temp.resolve("sso.sh"),
                "#!/bin/sh\necho \"error: SSO session expired, run 'aws sso login'\" >&2\necho more >&2\nexit 3\n");
        Assumptions.assumeTrue(plugin.toFile().setExecutable(true), "needs an executable plugin");
        Path kubeconfig = withExecUser("sso.sh");
        Path missing = withExecUser("./no-such-plugin");

        CliRun failing = CliRun.of("gc", "--kubeconfig", kubeconfig.toString());
        CliRun absent = CliRun.of("gc", "--kubeconfig", missing.toString());

        String origin = "ERROR: cannot use kubeconfig " + kubeconfig
                + ", context gpu, cluster prod: getting credentials:" + " exec: executable ";
        assertThat(failing.exitCode).isEqualTo(1);
        assertThat(failing.err)
                .isEqualTo(origin + plugin + " failed with exit code 3: error: SSO session expired, run 'aws sso"
                        + " login'\n");
        assertThat(absent.err)
                .isEqualTo(origin.replace(kubeconfig.toString(), missing.toString()) + temp.resolve("no-such-plugin")
                        + " could not be started: No such file or directory\n");
    }

    @Test
    void whatAFailingPluginPrintsOnStandardOutputNeverReachesTheErrorLine() throws IOException {
        Path plugin = Files.writeString(
                temp.resolve("leaky.sh"), "#!/bin/sh\necho '{\"token\": \"SECRET-TOKEN-123\"}'\nexit 1\n");
        Assumptions.assumeTrue(plugin.toFile().setExecutable(true), "needs an executable plugin");
        Path kubeconfig = withExecUser("leaky.sh");

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err)
                .isEqualTo("ERROR: cannot use kubeconfig " + kubeconfig + ", context gpu, cluster prod: getting"
                        + " credentials: exec: executable " + plugin + " failed with exit code 1\n")
                .doesNotContain("SECRET");
    }

    @Test
    void aPluginThatMustPromptIsRefusedWithoutATerminalInsteadOfHanging() throws IOException {
        Path plugin = Files.writeString(temp.resolve("prompt.sh"), "#!/bin/sh\nread password\n");
        Assumptions.assumeTrue(plugin.toFile().setExecutable(true), "needs an executable plugin");
        Path kubeconfig = Files.writeString(
                temp.resolve("interactive"),
                Files.readString(withExecUser("prompt.sh")).replace("command:", "interactiveMode: Always, command:"));

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err)
                .isEqualTo("ERROR: kubeconfig " + kubeconfig + ": user 'sso' of context 'gpu': getting credentials:"
                        + " exec plugin cannot support interactive mode: standard input is not a terminal (expected"
                        + " interactiveMode Never or IfAvailable where gpu-train runs without one)\n");
    }

    @Test
    void aPluginAskingForClusterInfoIsRefusedSinceTheClientNeverGivesIt() throws IOException {
        Path kubeconfig = Files.writeString(
                temp.resolve("cluster-info"),
                Files.readString(withExecUser("info.sh")).replace("command:", "provideClusterInfo: true, command:"));

        CliRun run = CliRun.of("gc", "--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err)
                .isEqualTo("ERROR: kubeconfig " + kubeconfig + ": user 'sso' of context 'gpu' sets exec"
                        + " provideClusterInfo, which gpu-train's Kubernetes client (fabric8) does not support\n");
    }

    @Test
    void fieldsTheClientWouldIgnoreAreRefusedAndAMissingTokenFileNamed() throws IOException {
        Path serverName = Files.writeString(
                temp.resolve("server-name"),
                VALID.replace(
                        "{server: \"https://127.0.0.1:1\"}",
                        "{server: \"https://127.0.0.1:1\", tls-server-name: api}"));
        Path impersonating = Files.writeString(
                temp.resolve("impersonating"),
                VALID.replace("{cluster: prod}", "{cluster: prod, user: admin}")
                        + "users:\n- name: admin\n  user: {token: abc, as-groups: [system:masters]}\n");
        Path tokenless = Files.writeString(
                temp.resolve("tokenless"),
                VALID.replace("{cluster: prod}", "{cluster: prod, user: robot}")
                        + "users:\n- name: robot\n  user: {tokenFile: no-such-token}\n");

        assertThat(CliRun.of("gc", "--kubeconfig", serverName.toString()).err)
                .isEqualTo("ERROR: kubeconfig " + serverName + ": cluster 'prod' of context 'gpu' sets tls-server-name,"
                        + " which gpu-train's Kubernetes client (fabric8) does not support\n");
        assertThat(CliRun.of("gc", "--kubeconfig", impersonating.toString()).err)
                .isEqualTo("ERROR: kubeconfig " + impersonating + ": user 'admin' of context 'gpu' sets as-groups,"
                        + " which gpu-train's Kubernetes client (fabric8) does not support\n");
        assertThat(CliRun.of("gc", "--kubeconfig", tokenless.toString()).err)
                .isEqualTo("ERROR: cannot use kubeconfig " + tokenless + ", context gpu, cluster prod: cannot read"
                        + " tokenFile " + temp.resolve("no-such-token") + ": no such file or directory\n");
    }

    /** A copy of the valid kubeconfig whose context gpu has a user with an exec plugin, a path relative to it. */
    private Path withExecUser(String command) throws IOException {
        return Files.writeString(
                temp.resolve("exec-" + command.replace('/', '_')),
                VALID.replace("{cluster: prod}", "{cluster: prod, user: sso}")
                        + "users:\n- name: sso\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1,"
                        + " command: " + (command.contains("/") ? command : "./" + command) + "}\n");
    }

    @Test
    void anUnreachableClusterNamesTheKubeconfigContextAndCluster() throws IOException {
        CliRun run = CliRun.of("gc", "--kubeconfig", valid().toString(), "--context", "cpu");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err)
                .startsWith("ERROR: cannot reach the Kubernetes API at https://127.0.0.1:1/ (kubeconfig " + valid()
                        + ", context cpu, cluster prod): ");
        assertThat(run.err.lines()).hasSize(1);
    }

    @Test
    void aDirectoryIsNotAKubeconfig() {
        CliRun run = CliRun.of("gc", "--kubeconfig", temp.toString());

        assertThat(run.err)
                .isEqualTo("ERROR: --kubeconfig '" + temp + "': is a directory (expected a kubeconfig file)\n");
    }

    @Test
    void noKubeconfigSaysWhereItLookedAndThatInClusterConfigurationWasTried() {
        Assumptions.assumeTrue(
                System.getenv("KUBECONFIG") == null && System.getenv("KUBERNETES_SERVICE_HOST") == null,
                "needs an environment without KUBECONFIG and outside a pod");
        Path nowhere = temp.resolve("no-such-kubeconfig");
        String before = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", nowhere.toString());
        try {
            CliRun gc = CliRun.of("gc");
            CliRun typo = CliRun.of("run", "-C", temp.toString(), "--context", "typo", "--", "true");

            assertThat(gc.exitCode).isEqualTo(1);
            assertThat(gc.err)
                    .isEqualTo("ERROR: no kubeconfig found (--kubeconfig not given, KUBECONFIG not set, no " + nowhere
                            + "), and in-cluster configuration was tried: KUBERNETES_SERVICE_HOST and"
                            + " KUBERNETES_SERVICE_PORT are not set (not running in a pod); pass --kubeconfig FILE\n");
            assertThat(typo.exitCode).isEqualTo(1);
            assertThat(typo.err).startsWith("ERROR: --context 'typo': no kubeconfig found (");
            assertThat(typo.err.lines()).hasSize(1);
        } finally {
            if (before == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", before);
            }
        }
    }

    private Path valid() throws IOException {
        Path kubeconfig = temp.resolve("kubeconfig.yaml");
        if (!Files.exists(kubeconfig)) {
            Files.writeString(kubeconfig, VALID);
        }
        return kubeconfig;
    }
}
