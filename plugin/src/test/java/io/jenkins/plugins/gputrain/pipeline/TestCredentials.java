package io.jenkins.plugins.gputrain.pipeline;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
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
        SecretFile(String id, String description) {
            super(id, description);
        }
    }

    static final class UsernamePassword extends TestCredentials implements StandardUsernamePasswordCredentials {
        UsernamePassword(String id, String description) {
            super(id, description);
        }
    }

    static final class SecretText extends TestCredentials implements StringCredentials {
        SecretText(String id, String description) {
            super(id, description);
        }
    }
}
