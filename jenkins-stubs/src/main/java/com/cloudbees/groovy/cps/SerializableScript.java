package com.cloudbees.groovy.cps;

import groovy.lang.Binding;
import groovy.lang.Script;
import java.io.Serializable;

/** Compile-only stub of {@code com.cloudbees.groovy.cps.SerializableScript} (groovy-cps, in workflow-cps). */
public abstract class SerializableScript extends Script implements Serializable {
    public SerializableScript() {}

    public SerializableScript(Binding binding) {
        super(binding);
    }
}
