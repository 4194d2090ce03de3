package io.jenkins.plugins.gputrain.publish;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gputrain.Messages;
import io.jenkins.plugins.gputrain.core.dvc.value.PythonFloat;
import io.jenkins.plugins.gputrain.core.gate.Criticality;
import io.jenkins.plugins.gputrain.core.gate.GateOperator;
import io.jenkins.plugins.gputrain.core.gate.GateType;
import io.jenkins.plugins.gputrain.core.gate.MetricReference;
import io.jenkins.plugins.gputrain.core.gate.QualityGate;
import io.jenkins.plugins.gputrain.core.gate.Threshold;
import io.jenkins.plugins.gputrain.core.spec.InvalidSpecException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One quality gate of {@code publishDvcMetrics(qualityGates: [[metric: 'evaluation/metrics.json:acc', threshold:
 * -0.01]])}, of the freestyle post-build action and of the global defaults: the Jenkins form of a core
 * {@link QualityGate}, with plain string fields (saved with the job, shown by the Snippet Generator). The threshold is
 * kept as the text the user typed, so that Stapler's form binding and Configuration-as-Code (which would bind a text
 * that is not a number to a {@code Double} as {@code null}: {@code DoubleConverter(null)}, jenkinsci/stapler
 * {@code Stapler.java} at {@code 2076.v1b_a_c12445eb_e}; {@code PrimitiveConfigurator.configure}, configuration-as-code
 * {@code 2117.vc05a_0b_e6b_f4e}) hand it over unchanged and the refusal quotes it; a Jenkinsfile's number becomes its
 * text in {@link DescriptorImpl#customInstantiate}. A job saved with the earlier {@code Double} field loads as is:
 * XStream wrote the double as its decimal text, which the {@code String} field reads.
 *
 * <p>A bad field is refused where it is configured: the constructor and the setters throw a
 * {@link Descriptor.FormException} with the one-line message naming the gate. Stapler rethrows it as an
 * {@code HttpResponse} ({@code RequestImpl.launderITE}, jenkinsci/stapler {@code 135bbbc8}), {@code Descriptor.newInstance}
 * passes that on ({@code newInstanceImpl}, jenkins-2.555), and Jenkins answers with the message (an error
 * notification on Apply, an error page on Save); Configuration-as-Code refuses the YAML with "Failed to construct
 * instance of …MetricQualityGate" (or "Failed to set attribute 'type'") caused by it ({@code
 * DataBoundConfigurator.tryConstructor}, {@code BaseConfigurator.configure}, configuration-as-code {@code 58646eb6});
 * and a Jenkinsfile's gate is refused with it before structs builds the gate ({@link
 * DescriptorImpl#customInstantiate}). A gate that bypassed all that (a job's XML edited by
 * hand; XStream calls no constructor) is still refused by {@link #toGate()} when the build publishes.
 */
public final class MetricQualityGate extends AbstractDescribableImpl<MetricQualityGate> {
    /** The gate's name in a Pipeline: {@code qualityGate(metric: …, threshold: …)}. */
    public static final String SYMBOL = "qualityGate";

    private static final String THRESHOLD = "threshold";

    private final String metric;
    private final String threshold;
    private String type = QualityGate.DEFAULT_TYPE.value();
    private String operator = QualityGate.DEFAULT_OPERATOR.symbol();
    private String criticality = QualityGate.DEFAULT_CRITICALITY.value();

    /**
     * A gate with the default type ({@code change}), operator ({@code >=}) and criticality ({@code failure}).
     *
     * @param metric {@code FILE:KEY}, e.g. {@code evaluation/metrics.json:acc}
     * @param threshold what the change or value is compared with, as typed (e.g. {@code -0.01}), read by core's
     *     {@link Threshold} rule; {@code null} or blank is refused as missing
     * @throws Descriptor.FormException naming the gate, for a bad metric, or a threshold (quoted) that is not such a
     *     number
     */
    @DataBoundConstructor
    public MetricQualityGate(String metric, String threshold) throws Descriptor.FormException {
        this.metric = metric;
        this.threshold = threshold;
        refuseIfBad();
    }

    /** The metric, {@code FILE:KEY}. */
    public String getMetric() {
        return metric;
    }

    /** What the change or value is compared with, as typed; {@code null} when none was given. */
    public String getThreshold() {
        return threshold;
    }

    /** {@code change} or {@code value}. */
    public String getType() {
        return type;
    }

    /**
     * Sets the type; blank means the default.
     *
     * @throws Descriptor.FormException naming the gate, for a value that is not one of the allowed ones
     */
    @DataBoundSetter
    public void setType(String type) throws Descriptor.FormException {
        this.type = type;
        refuseIfBad();
    }

    /** {@code >=}, {@code >}, {@code <=} or {@code <}. */
    public String getOperator() {
        return operator;
    }

    /**
     * Sets the operator; blank means the default.
     *
     * @throws Descriptor.FormException naming the gate, for a value that is not one of the allowed ones
     */
    @DataBoundSetter
    public void setOperator(String operator) throws Descriptor.FormException {
        this.operator = operator;
        refuseIfBad();
    }

    /** {@code unstable} or {@code failure}. */
    public String getCriticality() {
        return criticality;
    }

    /**
     * Sets the criticality; blank means the default.
     *
     * @throws Descriptor.FormException naming the gate, for a value that is not one of the allowed ones
     */
    @DataBoundSetter
    public void setCriticality(String criticality) throws Descriptor.FormException {
        this.criticality = criticality;
        refuseIfBad();
    }

    /**
     * The core gate.
     *
     * @return the gate
     * @throws InvalidSpecException naming the gate and the field that is wrong
     */
    public QualityGate toGate() {
        return QualityGate.ofText(metric, type, operator, threshold, criticality);
    }

    /**
     * Refuses the gate as {@link #toGate()} would, as a form error on the field that is wrong.
     *
     * @throws Descriptor.FormException with {@link #toGate()}'s one-line message
     */
    private void refuseIfBad() throws Descriptor.FormException {
        try {
            toGate();
        } catch (InvalidSpecException e) {
            String field = e.field();
            throw new Descriptor.FormException(e.getMessage(), field.substring(field.lastIndexOf(' ') + 1));
        }
    }

    /**
     * The core gates of a list of gates.
     *
     * @param gates the gates, or {@code null}
     * @return the core gates, in order
     * @throws InvalidSpecException naming the first gate that is wrong
     */
    public static List<QualityGate> toGates(List<MetricQualityGate> gates) {
        return gates == null
                ? List.of()
                : gates.stream().map(MetricQualityGate::toGate).toList();
    }

    /**
     * The form of a gate, also for the Snippet Generator ({@code qualityGate(metric: …, threshold: …)}), and the
     * Pipeline binding of a number as the threshold.
     */
    @Extension
    @Symbol(SYMBOL)
    public static class DescriptorImpl extends Descriptor<MetricQualityGate> implements CustomDescribableModel {
        /**
         * A Jenkinsfile's gate, checked and with a number as the threshold's text, before structs binds it. structs
         * ({@code DescribableModel.instantiate}, jenkinsci/structs-plugin {@code 1db2a48e}) calls this first, outside
         * the {@code try} that reports a refusing constructor as a message-less {@code InvocationTargetException}; so a
         * bad gate is refused here, with its one line as the message Pipeline prints. A number becomes its text
         * ({@code -0.01} for Groovy's {@code BigDecimal} -0.01, {@code 5} for an {@code Integer}, a double's shortest
         * decimal, {@link PythonFloat#repr}): structs passes a value to a {@code String} parameter only when it is one
         * ({@code DescribableModel.coerce}) and would refuse a number. Unnamed arguments and values that are not text
         * are left to structs, which refuses them itself.
         *
         * @throws IllegalArgumentException with the gate's one-line message, for a bad gate
         */
        @Override
        public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
            Map<String, Object> typed = new LinkedHashMap<>(arguments);
            if (arguments.get(THRESHOLD) instanceof Number number) {
                typed.put(
                        THRESHOLD,
                        number instanceof Double || number instanceof Float
                                ? PythonFloat.repr(number.doubleValue())
                                : number.toString());
            }
            if (typed.containsKey(UninstantiatedDescribable.ANONYMOUS_KEY)
                    || !typed.values().stream().allMatch(v -> v == null || v instanceof CharSequence)) {
                return typed;
            }
            try {
                QualityGate.ofText(
                        text(typed, "metric"),
                        text(typed, "type"),
                        text(typed, "operator"),
                        text(typed, THRESHOLD),
                        text(typed, "criticality"));
            } catch (InvalidSpecException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            return typed;
        }

        private static String text(Map<String, Object> arguments, String key) {
            Object value = arguments.get(key);
            return value == null ? null : value.toString();
        }

        @Override
        public String getDisplayName() {
            return Messages.MetricQualityGate_DisplayName();
        }

        /** Checks {@code metric}: {@code FILE:KEY}. */
        @POST
        public FormValidation doCheckMetric(@AncestorInPath Item item, @QueryParameter String value) {
            return permitted(item, () -> {
                try {
                    MetricReference.parse("quality gate metric", value);
                    return FormValidation.ok();
                } catch (InvalidSpecException e) {
                    return FormValidation.error(e.getMessage());
                }
            });
        }

        /** Checks {@code threshold} by the rule the constructor and the build apply to it: {@link Threshold}. */
        @POST
        public FormValidation doCheckThreshold(
                @AncestorInPath Item item, @QueryParameter String metric, @QueryParameter String value) {
            return permitted(item, () -> thresholdProblem(metric, value)
                    .map(FormValidation::error)
                    .orElseGet(FormValidation::ok));
        }

        /**
         * What is wrong with a threshold as the form sends it, in one line naming the gate and the field.
         *
         * @param metric the gate's metric, as typed ({@code null} when the form sends none)
         * @param value the threshold, as typed ({@code null} or blank when there is none)
         * @return the problem, or empty for a threshold the gate accepts
         */
        static Optional<String> thresholdProblem(String metric, String value) {
            String gate = metric == null ? "" : metric.strip();
            try {
                Threshold.parse("quality gate '" + gate + "' threshold", value);
                return Optional.empty();
            } catch (InvalidSpecException e) {
                return Optional.of(e.getMessage());
            }
        }

        /** The types: {@code change}, {@code value}; none for a user who may not configure. */
        @POST
        public ListBoxModel doFillTypeItems(@AncestorInPath Item item) {
            return listBox(item, typeChoices());
        }

        /** The types, in the order of the list: {@code change}, {@code value}. */
        static List<String> typeChoices() {
            return Arrays.stream(GateType.values()).map(GateType::value).toList();
        }

        /** The operators: {@code >=}, {@code >}, {@code <=}, {@code <}; none for a user who may not configure. */
        @POST
        public ListBoxModel doFillOperatorItems(@AncestorInPath Item item) {
            return listBox(item, operatorChoices());
        }

        /** The operators, in the order of the list: {@code >=}, {@code >}, {@code <=}, {@code <}. */
        static List<String> operatorChoices() {
            return Arrays.stream(GateOperator.values())
                    .map(GateOperator::symbol)
                    .toList();
        }

        /** The criticalities: {@code unstable}, {@code failure}; none for a user who may not configure. */
        @POST
        public ListBoxModel doFillCriticalityItems(@AncestorInPath Item item) {
            return listBox(item, criticalityChoices());
        }

        /** The criticalities, in the order of the list: {@code unstable}, {@code failure}. */
        static List<String> criticalityChoices() {
            return Arrays.stream(Criticality.values()).map(Criticality::value).toList();
        }

        /**
         * Validation is refused (access denied) to whoever may not configure the job, or administer Jenkins on the
         * system page: validation URLs are reachable by anyone who can post to them.
         */
        private static FormValidation permitted(Item item, Supplier<FormValidation> answer) {
            if (item == null) {
                Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            } else {
                item.checkPermission(Item.CONFIGURE);
            }
            return answer.get();
        }

        /**
         * The list, or an empty one for whoever may not configure the job (administer Jenkins, on the system page), as
         * credentials-plugin's documentation has its {@code doFill…Items} do.
         */
        private static ListBoxModel listBox(Item item, List<String> values) {
            if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER) : !item.hasPermission(Item.CONFIGURE)) {
                return new ListBoxModel();
            }
            ListBoxModel model = new ListBoxModel();
            values.forEach(value -> model.add(value, value));
            return model;
        }
    }
}
