package io.jenkins.plugins.gputrain.it;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service account of the sandbox's namespace with exactly the given RBAC rules (a Role and its RoleBinding), and
 * a kubeconfig that authenticates as it with a bound token from the API server's TokenRequest API — what a CI
 * system's restricted credentials look like.
 */
final class ServiceAccountAccess {
    private ServiceAccountAccess() {}

    /** A rule allowing {@code verbs} on {@code resources} of the core API group. */
    static PolicyRule allow(List<String> resources, String... verbs) {
        return new PolicyRuleBuilder()
                .withApiGroups("")
                .withResources(resources)
                .withVerbs(verbs)
                .build();
    }

    /**
     * Creates the account, its Role and RoleBinding, and writes its kubeconfig.
     *
     * @param sandbox the namespace
     * @param name the account name
     * @param kubeconfig where to write the kubeconfig
     * @param rules what it may do in the namespace
     * @return the kubeconfig path
     */
    static Path create(Sandbox sandbox, String name, Path kubeconfig, PolicyRule... rules) throws IOException {
        KubernetesClient client = sandbox.client();
        String namespace = sandbox.namespace();
        client.serviceAccounts()
                .inNamespace(namespace)
                .resource(new ServiceAccountBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
        client.rbac()
                .roles()
                .inNamespace(namespace)
                .resource(new RoleBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withRules(rules)
                        .build())
                .create();
        client.rbac()
                .roleBindings()
                .inNamespace(namespace)
                .resource(new RoleBindingBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
                        .addNewSubject()
                        .withKind("ServiceAccount")
                        .withName(name)
                        .withNamespace(namespace)
                        .endSubject()
                        .build())
                .create();
        String token = client.serviceAccounts()
                .inNamespace(namespace)
                .withName(name)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(3600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
        Config admin = client.getConfiguration();
        Files.writeString(
                kubeconfig,
                "apiVersion: v1\nkind: Config\nclusters:\n- name: testbed\n  cluster:\n    server: "
                        + admin.getMasterUrl() + "\n    certificate-authority: " + admin.getCaCertFile() + "\n"
                        + "users:\n- name: " + name + "\n  user:\n    token: " + token + "\n"
                        + "contexts:\n- name: " + name + "\n  context:\n    cluster: testbed\n    user: " + name
                        + "\n    namespace: " + namespace + "\ncurrent-context: " + name + "\n");
        return kubeconfig;
    }
}
