package org.jenkinsci.plugins.kubernetes.auth;

/** Compile-only stub of {@code org.jenkinsci.plugins.kubernetes.auth.KubernetesAuthException}. */
public class KubernetesAuthException extends Exception {
    public KubernetesAuthException(String message) {
        super(message);
    }
}
