package org.jenkinsci.plugins.workflow.cps;

import hudson.ExtensionPoint;

/** Compile-only stub of {@code org.jenkinsci.plugins.workflow.cps.GlobalVariable} (workflow-cps plugin). */
public abstract class GlobalVariable implements ExtensionPoint {
    public abstract String getName();

    public abstract Object getValue(CpsScript script) throws Exception;
}
