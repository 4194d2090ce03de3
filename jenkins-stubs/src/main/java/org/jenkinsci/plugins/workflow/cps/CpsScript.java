package org.jenkinsci.plugins.workflow.cps;

import com.cloudbees.groovy.cps.SerializableScript;
import java.io.IOException;

/** Compile-only stub of {@code org.jenkinsci.plugins.workflow.cps.CpsScript} (workflow-cps plugin). */
public abstract class CpsScript extends SerializableScript {
    public CpsScript() throws IOException {}
}
