package io.jenkins.plugins.gputrain.pipeline

import hudson.AbortException
import io.jenkins.plugins.gputrain.core.pipeline.CredentialBinding
import io.jenkins.plugins.gputrain.core.pipeline.TrainingDefaults
import io.jenkins.plugins.gputrain.core.pipeline.TrainingPlan
import io.jenkins.plugins.gputrain.publish.DvcReportAction
import org.codehaus.groovy.runtime.InvokerInvocationException

/**
 * The gpuTrain variable: gpuTrain(nodeSelector: 'gpu=true', cpuMemory: '1-2000') { sh 'dvc repro --pull' }.
 *
 * Only composes Pipeline steps; what they get is worked out in Java (TrainingPlan) before the first step runs, so a
 * bad argument fails the build at once with one line. Written to run under workflow-cps (CPS), so it keeps to:
 * - no closures handed to Java or Groovy library methods (each, collect, sort…): plain if/for only;
 * - every field and local variable is Serializable (the plan holds strings, numbers, booleans and maps of them),
 *   because the program is saved at each step and after a controller restart continues from there;
 * - no @NonCPS code, no metaprogramming, no evaluation of user input;
 * - steps are called through the script object (script.podTemplate…), as Java cannot call steps.
 */
class GpuTrain implements Serializable {
    private static final long serialVersionUID = 1L

    protected final Object script

    GpuTrain(Object script) {
        this.script = script
    }

    /** gpuTrain { … }: the global defaults only. */
    def call(Closure body) {
        call([:], body)
    }

    /** gpuTrain(arguments) { … }. */
    def call(Map arguments, Closure body) {
        TrainingPlan plan = null
        CredentialBinding remote = null
        try {
            Map plain = GateDescribables.asMaps(arguments)
            plan = TrainingPlan.of(plain, defaults(), String.valueOf(script.env.BUILD_TAG))
            GpuTrainPlans.checkDefaultGates(plan, defaultGates())
            if (plan.dvcRemoteCredentialsId() != null) {
                remote = remoteBinding(plan.dvcRemoteCredentialsId())
            }
        } catch (IllegalArgumentException e) {
            script.error("[gpu-train] " + e.message)
        }
        script.echo("[gpu-train] pod: " + plan.summary())
        Map podTemplate = new LinkedHashMap(plan.podTemplate())
        podTemplate.put('yamlMergeStrategy', script.merge())
        script.podTemplate(podTemplate) {
            script.retry(count: plan.attempts(), conditions: [script.kubernetesAgent(), script.nonresumable()]) {
                script.node(script.POD_LABEL) {
                    script.echo("[gpu-train] running in pod " + script.env.NODE_NAME + ", container " + TrainingPlan.CONTAINER)
                    if (plan.checkout() && hasScm()) {
                        script.checkout(script.scm)
                    }
                    if (remote == null) {
                        inContainer(body)
                    } else {
                        script.withCredentials([script."${remote.symbol()}"(remote.arguments())]) {
                            inContainer(body)
                        }
                    }
                    if (plan.publish()) {
                        // In the DVC container, where dvc and git are (engine auto uses DVC's own diffs there).
                        script.container(TrainingPlan.CONTAINER) {
                            script.echo("[gpu-train] publishing DVC metrics, params and plots against "
                                    + plan.publishArguments().get('baseline'))
                            script.publishDvcMetrics(plan.publishArguments())
                        }
                    }
                }
            }
        }
        if (plan.publish()) {
            markStage(gateStageMark(String.valueOf(plan.publishArguments().get('reportDir'))))
        }
    }

    /**
     * A failed quality gate marks the stage: publishDvcMetrics set the build result but, a build step without a flow
     * node, cannot mark the stage. unstable() marks it (yellow) and the Pipeline goes on; error() fails the stage and
     * stops the Pipeline. (warnings-ng's and coverage's gates set the build result and mark the step's flow node with
     * a warning, and the Pipeline goes on, also after a failed gate.)
     */
    private void markStage(GateStageMark mark) {
        if (mark == null) {
            return
        }
        if (mark.fails()) {
            script.error(mark.message())
        } else {
            script.unstable(mark.message())
        }
    }

    /**
     * What the quality gates of the report this call published call for (null: none, or all passed): the build's report
     * in this call's report directory, since parallel gpuTrain calls each publish their own.
     */
    protected GateStageMark gateStageMark(String reportDir) {
        GateStageMark.of(script.$build().getActions(DvcReportAction), reportDir)
    }

    protected void inContainer(Closure body) {
        script.container(TrainingPlan.CONTAINER) {
            body()
        }
    }

    /**
     * Whether the Pipeline came from SCM (a Jenkinsfile in a repository), so that checkout scm can run. Without
     * workflow-multibranch there is no scm variable (MissingPropertyException); with it, an inline Pipeline's scm throws
     * AbortException (which CpsScript.getProperty wraps in InvokerInvocationException and Groovy unwraps again). Any
     * other failure of scm (say, a branch whose tip cannot be determined) fails the build as it would without gpuTrain.
     */
    protected boolean hasScm() {
        try {
            script.scm
            return true
        } catch (MissingPropertyException e) {
            noCheckout('this Pipeline has no scm (it is not from SCM)')
        } catch (AbortException e) {
            noScmOrRethrow(e, e)
        } catch (InvokerInvocationException e) {
            noScmOrRethrow(e.cause, e)
        }
        return false
    }

    /** workflow-multibranch SCMVar.getValue's words outside a Pipeline from SCM. */
    private void noScmOrRethrow(Throwable cause, Exception thrown) {
        String message = cause instanceof AbortException ? cause.message : null
        if (message == null
                || !(message.contains('is only available when using') || message.contains('is not available outside'))) {
            throw thrown
        }
        noCheckout(message)
    }

    private void noCheckout(String reason) {
        script.echo("[gpu-train] no checkout scm: " + reason)
    }

    /** The administrator's defaults (GpuTrainConfiguration). */
    protected TrainingDefaults defaults() {
        GpuTrainPlans.defaults()
    }

    /** The administrator's quality gates (GpuTrainConfiguration), which apply when the step gives none. */
    protected List defaultGates() {
        GpuTrainPlans.defaultGates()
    }

    /**
     * The withCredentials binding for the credentials this build sees under the id. The credentials plugin's classes
     * are looked up by name: its lookup takes a hudson.model.Run, for which this build has no compile-time stub.
     */
    protected CredentialBinding remoteBinding(String credentialsId) {
        ClassLoader loader = GpuTrain.classLoader
        Class provider = loader.loadClass('com.cloudbees.plugins.credentials.CredentialsProvider')
        Class standard = loader.loadClass('com.cloudbees.plugins.credentials.common.StandardCredentials')
        DvcRemoteCredentials.binding(credentialsId, provider.findCredentialById(credentialsId, standard, script.$build()))
    }
}
