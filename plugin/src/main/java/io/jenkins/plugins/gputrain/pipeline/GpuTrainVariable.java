package io.jenkins.plugins.gputrain.pipeline;

import groovy.lang.Binding;
import hudson.Extension;
import java.net.URL;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * The {@code gpuTrain} Pipeline variable: an instance of {@code GpuTrain.groovy}, loaded through the script's class
 * loader so that it is CPS-transformed and can call steps. The Groovy only composes steps; the arguments are checked
 * and turned into step arguments in Java ({@link io.jenkins.plugins.gputrain.core.pipeline.TrainingPlan}).
 */
@Extension
public class GpuTrainVariable extends GlobalVariable {
    /** The variable's name in a Jenkinsfile. */
    public static final String NAME = "gpuTrain";

    /** The Groovy class behind the variable. */
    static final String GROOVY_CLASS = "io.jenkins.plugins.gputrain.pipeline.GpuTrain";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Object getValue(CpsScript script) throws Exception {
        Binding binding = script.getBinding();
        if (binding.hasVariable(NAME)) {
            return binding.getVariable(NAME);
        }
        Object gpuTrain = script.getClass()
                .getClassLoader()
                .loadClass(GROOVY_CLASS)
                .getConstructor(Object.class)
                .newInstance(script);
        binding.setVariable(NAME, gpuTrain);
        return gpuTrain;
    }

    /** Where the Groovy source is. */
    static URL groovySource() {
        return Objects.requireNonNull(GpuTrainVariable.class.getResource("GpuTrain.groovy"), "GpuTrain.groovy");
    }

    /** Lets workflow-cps load {@code GpuTrain.groovy} as trusted code (and nothing else of this plugin). */
    @Extension
    public static class Allowlist extends GroovySourceFileAllowlist {
        private final String source = groovySource().toString();

        @Override
        public boolean isAllowed(String groovySourceFileUrl) {
            return source.equals(groovySourceFileUrl);
        }
    }
}
