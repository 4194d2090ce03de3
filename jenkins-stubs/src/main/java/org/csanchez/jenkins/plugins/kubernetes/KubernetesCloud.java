package org.csanchez.jenkins.plugins.kubernetes;

import hudson.slaves.Cloud;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException;

/** Compile-only stub of {@code org.csanchez.jenkins.plugins.kubernetes.KubernetesCloud}. */
public class KubernetesCloud extends Cloud implements PodTemplateGroup {
    public KubernetesCloud(String name) {
        super(name);
    }

    public String getNamespace() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public KubernetesClient connect() throws KubernetesAuthException, IOException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
