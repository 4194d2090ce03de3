package org.jenkinsci.plugins.workflow.cps;

import hudson.ExtensionPoint;

/** Compile-only stub of {@code org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist} (workflow-cps plugin). */
public abstract class GroovySourceFileAllowlist implements ExtensionPoint {
    public abstract boolean isAllowed(String groovySourceFileUrl);
}
