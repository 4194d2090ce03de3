package io.jenkins.plugins.gputrain.pipeline;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Credentials of each kind, with an id and a description as the credentials plugin keeps them, for tests. */
class TestCredentials implements StandardCredentials {
    private final String id;
    private final String description;

    TestCredentials(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDescription() {
        return description;
    }

    static final class SecretFile extends TestCredentials implements FileCredentials {
        private final byte[] content;

        SecretFile(String id, String description) {
            this(id, description, new byte[0]);
        }

        SecretFile(String id, String description, byte[] content) {
            super(id, description);
            this.content = content.clone();
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content);
        }
    }

    /**
     * Username with password; the password is {@code null} here, as {@code hudson.util.Secret} exists only as a
     * compile-only stub in these tests.
     */
    static final class UsernamePassword extends TestCredentials implements StandardUsernamePasswordCredentials {
        UsernamePassword(String id, String description) {
            super(id, description);
        }

        @Override
        public String getUsername() {
            return "AKIA1";
        }

        @Override
        public Secret getPassword() {
            return null;
        }
    }

    /** Secret text; the secret is {@code null} here, for the reason given on {@link UsernamePassword}. */
    static final class SecretText extends TestCredentials implements StringCredentials {
        SecretText(String id, String description) {
            super(id, description);
        }

        @Override
        public Secret getSecret() {
            return null;
        }
    }
}
