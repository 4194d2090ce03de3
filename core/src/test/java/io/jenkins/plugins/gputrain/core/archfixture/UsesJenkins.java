package io.jenkins.plugins.gputrain.core.archfixture;

import hudson.fixture.JenkinsType;

/** Test fixture: a core class that breaks the Jenkins-free rule. */
public class UsesJenkins {
    /** The forbidden dependency. */
    public JenkinsType jenkins() {
        return new JenkinsType();
    }
}
