package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import hudson.model.Run;
import java.util.List;
import org.jenkins.ui.icon.IconSpec;
import org.springframework.security.core.Authentication;

/** Compile-only stub of {@code com.cloudbees.plugins.credentials.CredentialsProvider}. */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider>, IconSpec {
    public CredentialsProvider() {}

    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(
            Class<C> type, ItemGroup itemGroup, Authentication authentication) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }
}
