package io.jenkins.plugins.gputrain.pipeline

/**
 * Stands for the Pipeline script object in tests: records every step call with its arguments as an indented
 * transcript, runs the bodies of block steps, and stops at error() as the real step does.
 */
class RecordingScript {
    final List<String> transcript = []
    final Map<String, Object> arguments = [:]
    final Map env = [BUILD_TAG: 'jenkins-ml-train-42', NODE_NAME: 'gpu-pod-1']
    final String POD_LABEL = 'gpu-pod-label'
    /**
     * How scm reads: 'scm' (a Pipeline from SCM), 'missing' (no scm variable), 'multibranch' (an inline Pipeline),
     * 'no-tip' (a branch whose tip SCMVar cannot determine).
     */
    String scmVariable = 'scm'
    private int depth = 0

    /**
     * As CpsScript.getProperty (workflow-cps plugin/src/main/java/org/jenkinsci/plugins/workflow/cps/CpsScript.java,
     * commit e007b7ff): a property the script does not have is looked up as a GlobalVariable; an exception from its
     * getValue is wrapped in InvokerInvocationException; no such variable is a MissingPropertyException.
     * workflow-multibranch's SCMVar.getValue (commit 59f7718) throws AbortException outside a Pipeline from SCM.
     */
    def getProperty(String name) {
        if (name != 'scm') {
            return metaClass.getProperty(this, name)
        }
        switch (scmVariable) {
            case 'missing':
                throw new MissingPropertyException('scm', RecordingScript)
            case 'multibranch':
                throw new org.codehaus.groovy.runtime.InvokerInvocationException(new hudson.AbortException(
                        '‘checkout scm’ is only available when using “Multibranch Pipeline” or “Pipeline script from SCM”'))
            case 'no-tip':
                throw new org.codehaus.groovy.runtime.InvokerInvocationException(
                        new hudson.AbortException('Could not determine exact tip revision of main'))
            default:
                return '<scm>'
        }
    }

    def methodMissing(String name, def args) {
        List given = args as List
        Closure block = !given.isEmpty() && given.last() instanceof Closure ? (Closure) given.last() : null
        List shown = block == null ? given : given.subList(0, given.size() - 1)
        if (!shown.isEmpty()) {
            arguments[name] = shown[0]
        }
        transcript << '  ' * depth + name + '(' + shown.collect { show(it) }.join(', ') + ')' + (block == null ? '' : ' {')
        if (name == 'error') {
            throw new StepError(String.valueOf(shown[0]))
        }
        if (block != null) {
            depth++
            block.call()
            depth--
            transcript << '  ' * depth + '}'
        }
        '<' + name + '>'
    }

    private static String show(Object value) {
        if (value instanceof Map) {
            return ((Map) value).collect { k, v -> k + ': ' + (k == 'yaml' ? '<yaml>' : show(v)) }.join(', ')
        }
        if (value instanceof List) {
            return '[' + ((List) value).collect { show(it) }.join(', ') + ']'
        }
        value instanceof String && !value.startsWith('<') ? "'" + value + "'" : String.valueOf(value)
    }

    /** What error() throws. */
    static class StepError extends RuntimeException {
        StepError(String message) {
            super(message)
        }
    }
}
