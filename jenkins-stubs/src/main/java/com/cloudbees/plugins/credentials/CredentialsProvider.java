package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
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
}
