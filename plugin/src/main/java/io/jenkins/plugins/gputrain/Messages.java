package io.jenkins.plugins.gputrain;

import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * User-facing texts from {@code Messages.properties}, in the shape the localizer generator gives Jenkins plugins:
 * a method per key returning the text in the current locale, and a {@code _}-prefixed one returning a
 * {@link Localizable}. Written by hand because the generator does not resolve from Maven Central;
 * {@code MessagesTest} checks that keys and methods match one to one.
 */
public final class Messages {
    private static final ResourceBundleHolder HOLDER = ResourceBundleHolder.get(Messages.class);

    private Messages() {}

    /** {@code GpuTrainConfiguration.DisplayName}: the section title on the system configuration page. */
    public static String GpuTrainConfiguration_DisplayName() {
        return HOLDER.format("GpuTrainConfiguration.DisplayName");
    }

    /** {@code GpuTrainConfiguration.DisplayName}, localizable. */
    public static Localizable _GpuTrainConfiguration_DisplayName() {
        return new Localizable(HOLDER, "GpuTrainConfiguration.DisplayName");
    }

    /** {@code DvcRemoteCredentials.NotFound}: the DVC remote credentials id names nothing the build can see. */
    public static String DvcRemoteCredentials_NotFound() {
        return HOLDER.format("DvcRemoteCredentials.NotFound");
    }

    /** {@code DvcRemoteCredentials.NotFound}, localizable. */
    public static Localizable _DvcRemoteCredentials_NotFound() {
        return new Localizable(HOLDER, "DvcRemoteCredentials.NotFound");
    }

    /** {@code DvcRemoteCredentials.OtherKind}: the DVC remote credentials are of a kind gpu-train cannot bind. */
    public static String DvcRemoteCredentials_OtherKind() {
        return HOLDER.format("DvcRemoteCredentials.OtherKind");
    }

    /** {@code DvcRemoteCredentials.OtherKind}, localizable. */
    public static Localizable _DvcRemoteCredentials_OtherKind() {
        return new Localizable(HOLDER, "DvcRemoteCredentials.OtherKind");
    }

    /** {@code DvcMetricsPublication.SameCheckName}: two publications of a build hand over checks of one name. */
    public static String DvcMetricsPublication_SameCheckName(Object name, Object earlier, Object directory) {
        return HOLDER.format("DvcMetricsPublication.SameCheckName", name, earlier, directory);
    }

    /** {@code DvcMetricsPublication.SameCheckName}, localizable. */
    public static Localizable _DvcMetricsPublication_SameCheckName(Object name, Object earlier, Object directory) {
        return new Localizable(HOLDER, "DvcMetricsPublication.SameCheckName", name, earlier, directory);
    }

    /** {@code DvcMetricsPublication.Replaced}: a second publication into the same report directory of a build. */
    public static String DvcMetricsPublication_Replaced(Object directory) {
        return HOLDER.format("DvcMetricsPublication.Replaced", directory);
    }

    /** {@code DvcMetricsPublication.Replaced}, localizable. */
    public static Localizable _DvcMetricsPublication_Replaced(Object directory) {
        return new Localizable(HOLDER, "DvcMetricsPublication.Replaced", directory);
    }

    /** {@code DvcReportAction.DisplayName}: the build page link to the DVC report. */
    public static String DvcReportAction_DisplayName() {
        return HOLDER.format("DvcReportAction.DisplayName");
    }

    /** {@code DvcReportAction.DisplayName}, localizable. */
    public static Localizable _DvcReportAction_DisplayName() {
        return new Localizable(HOLDER, "DvcReportAction.DisplayName");
    }

    /** {@code DvcTrendAction.DisplayName}: the job page link to the metric trends. */
    public static String DvcTrendAction_DisplayName() {
        return HOLDER.format("DvcTrendAction.DisplayName");
    }

    /** {@code DvcTrendAction.DisplayName}, localizable. */
    public static Localizable _DvcTrendAction_DisplayName() {
        return new Localizable(HOLDER, "DvcTrendAction.DisplayName");
    }

    /** {@code DvcTrendAction.NoCharts}: the controller cannot draw the trend charts. */
    public static String DvcTrendAction_NoCharts(Object problem) {
        return HOLDER.format("DvcTrendAction.NoCharts", problem);
    }

    /** {@code DvcTrendAction.NoCharts}, localizable. */
    public static Localizable _DvcTrendAction_NoCharts(Object problem) {
        return new Localizable(HOLDER, "DvcTrendAction.NoCharts", problem);
    }

    /** {@code DvcMetricsRecorder.DisplayName}: the publishDvcMetrics step and post-build action. */
    public static String DvcMetricsRecorder_DisplayName() {
        return HOLDER.format("DvcMetricsRecorder.DisplayName");
    }

    /** {@code DvcMetricsRecorder.DisplayName}, localizable. */
    public static Localizable _DvcMetricsRecorder_DisplayName() {
        return new Localizable(HOLDER, "DvcMetricsRecorder.DisplayName");
    }

    /** {@code GpuTrainBuilder.DisplayName}: the freestyle build step's name. */
    public static String GpuTrainBuilder_DisplayName() {
        return HOLDER.format("GpuTrainBuilder.DisplayName");
    }

    /** {@code GpuTrainBuilder.DisplayName}, localizable. */
    public static Localizable _GpuTrainBuilder_DisplayName() {
        return new Localizable(HOLDER, "GpuTrainBuilder.DisplayName");
    }

    /** {@code GpuTrainBuilder.NoCloud}: the configured cloud name names no Kubernetes cloud. */
    public static String GpuTrainBuilder_NoCloud(Object cloud) {
        return HOLDER.format("GpuTrainBuilder.NoCloud", cloud);
    }

    /** {@code GpuTrainBuilder.NoCloud}, localizable. */
    public static Localizable _GpuTrainBuilder_NoCloud(Object cloud) {
        return new Localizable(HOLDER, "GpuTrainBuilder.NoCloud", cloud);
    }

    /** {@code GpuTrainBuilder.CannotConnect}: the Kubernetes cloud refused its credentials. */
    public static String GpuTrainBuilder_CannotConnect(Object cloud, Object reason) {
        return HOLDER.format("GpuTrainBuilder.CannotConnect", cloud, reason);
    }

    /** {@code GpuTrainBuilder.CannotConnect}, localizable. */
    public static Localizable _GpuTrainBuilder_CannotConnect(Object cloud, Object reason) {
        return new Localizable(HOLDER, "GpuTrainBuilder.CannotConnect", cloud, reason);
    }

    /** {@code GpuTrainBuilder.TimedOut}: the build step's command outran its timeout. */
    public static String GpuTrainBuilder_TimedOut(Object timeout) {
        return HOLDER.format("GpuTrainBuilder.TimedOut", timeout);
    }

    /** {@code GpuTrainBuilder.TimedOut}, localizable. */
    public static Localizable _GpuTrainBuilder_TimedOut(Object timeout) {
        return new Localizable(HOLDER, "GpuTrainBuilder.TimedOut", timeout);
    }

    /** {@code GpuTrainBuilder.CommandFailed}: the build step's command exited with a non-zero code. */
    public static String GpuTrainBuilder_CommandFailed(Object exitCode) {
        return HOLDER.format("GpuTrainBuilder.CommandFailed", exitCode);
    }

    /** {@code GpuTrainBuilder.CommandFailed}, localizable. */
    public static Localizable _GpuTrainBuilder_CommandFailed(Object exitCode) {
        return new Localizable(HOLDER, "GpuTrainBuilder.CommandFailed", exitCode);
    }

    /** {@code GpuTrainBuilder.DeadlineExceeded}: the pod ran past its deadline, made of the step's timeout. */
    public static String GpuTrainBuilder_DeadlineExceeded(Object failure, Object timeout, Object margin) {
        return HOLDER.format("GpuTrainBuilder.DeadlineExceeded", failure, timeout, margin);
    }

    /** {@code GpuTrainBuilder.DeadlineExceeded}, localizable. */
    public static Localizable _GpuTrainBuilder_DeadlineExceeded(Object failure, Object timeout, Object margin) {
        return new Localizable(HOLDER, "GpuTrainBuilder.DeadlineExceeded", failure, timeout, margin);
    }

    /** {@code FormChoices.NotFound}: a saved drop-down value that is no longer available. */
    public static String FormChoices_NotFound(Object value) {
        return HOLDER.format("FormChoices.NotFound", value);
    }

    /** {@code FormChoices.NotFound}, localizable. */
    public static Localizable _FormChoices_NotFound(Object value) {
        return new Localizable(HOLDER, "FormChoices.NotFound", value);
    }

    /** {@code GpuTrainConfiguration.DefaultCloud}: the empty cloud entry, naming the cloud used then. */
    public static String GpuTrainConfiguration_DefaultCloud(Object cloud) {
        return HOLDER.format("GpuTrainConfiguration.DefaultCloud", cloud);
    }

    /** {@code GpuTrainConfiguration.DefaultCloud}, localizable. */
    public static Localizable _GpuTrainConfiguration_DefaultCloud(Object cloud) {
        return new Localizable(HOLDER, "GpuTrainConfiguration.DefaultCloud", cloud);
    }

    /** {@code GpuTrainConfiguration.NoCredentials}: the empty DVC remote credentials entry. */
    public static String GpuTrainConfiguration_NoCredentials() {
        return HOLDER.format("GpuTrainConfiguration.NoCredentials");
    }

    /** {@code GpuTrainConfiguration.NoCredentials}, localizable. */
    public static Localizable _GpuTrainConfiguration_NoCredentials() {
        return new Localizable(HOLDER, "GpuTrainConfiguration.NoCredentials");
    }

    /** {@code GpuTrainBuilder.Retrying}: a pod was lost to its node and a new one starts. */
    public static String GpuTrainBuilder_Retrying(Object failure, Object retry, Object retries) {
        return HOLDER.format("GpuTrainBuilder.Retrying", failure, retry, retries);
    }

    /** {@code GpuTrainBuilder.Retrying}, localizable. */
    public static Localizable _GpuTrainBuilder_Retrying(Object failure, Object retry, Object retries) {
        return new Localizable(HOLDER, "GpuTrainBuilder.Retrying", failure, retry, retries);
    }

    /** {@code GpuTrainBuilder.ApiError}: the Kubernetes API refused or failed a request of the build step. */
    public static String GpuTrainBuilder_ApiError(Object cloud, Object url, Object error) {
        return HOLDER.format("GpuTrainBuilder.ApiError", cloud, url, error);
    }

    /** {@code GpuTrainBuilder.ApiError}, localizable. */
    public static Localizable _GpuTrainBuilder_ApiError(Object cloud, Object url, Object error) {
        return new Localizable(HOLDER, "GpuTrainBuilder.ApiError", cloud, url, error);
    }

    /** {@code MetricQualityGate.DisplayName}: the name of a quality gate in forms. */
    public static String MetricQualityGate_DisplayName() {
        return HOLDER.format("MetricQualityGate.DisplayName");
    }

    /** {@code MetricQualityGate.DisplayName}, localizable. */
    public static Localizable _MetricQualityGate_DisplayName() {
        return new Localizable(HOLDER, "MetricQualityGate.DisplayName");
    }

    /** {@code PullRequestChecks.HandedOver}: the check was handed to the Checks API (not that an SCM took it). */
    public static String PullRequestChecks_HandedOver(Object name, Object title) {
        return HOLDER.format("PullRequestChecks.HandedOver", name, title);
    }

    /** {@code PullRequestChecks.HandedOver}, localizable. */
    public static Localizable _PullRequestChecks_HandedOver(Object name, Object title) {
        return new Localizable(HOLDER, "PullRequestChecks.HandedOver", name, title);
    }

    /** {@code PullRequestChecks.NotInstalled}: no check without the checks-api plugin. */
    public static String PullRequestChecks_NotInstalled(Object name) {
        return HOLDER.format("PullRequestChecks.NotInstalled", name);
    }

    /** {@code PullRequestChecks.NotInstalled}, localizable. */
    public static Localizable _PullRequestChecks_NotInstalled(Object name) {
        return new Localizable(HOLDER, "PullRequestChecks.NotInstalled", name);
    }

    /** {@code PullRequestChecks.NotPublished}: the Checks API failed to take the check; report and gates stand. */
    public static String PullRequestChecks_NotPublished(Object name, Object reason) {
        return HOLDER.format("PullRequestChecks.NotPublished", name, reason);
    }

    /** {@code PullRequestChecks.NotPublished}, localizable. */
    public static Localizable _PullRequestChecks_NotPublished(Object name, Object reason) {
        return new Localizable(HOLDER, "PullRequestChecks.NotPublished", name, reason);
    }

    /** {@code GateVerdict.Line}: one quality gate's console line, its result after the prefix. */
    public static String GateVerdict_Line(Object result) {
        return HOLDER.format("GateVerdict.Line", result);
    }

    /** {@code GateVerdict.Line}, localizable. */
    public static Localizable _GateVerdict_Line(Object result) {
        return new Localizable(HOLDER, "GateVerdict.Line", result);
    }

    /** {@code PullRequestChecks.Skipped}: the step was told not to publish a check. */
    public static String PullRequestChecks_Skipped(Object name) {
        return HOLDER.format("PullRequestChecks.Skipped", name);
    }

    /** {@code PullRequestChecks.Skipped}, localizable. */
    public static Localizable _PullRequestChecks_Skipped(Object name) {
        return new Localizable(HOLDER, "PullRequestChecks.Skipped", name);
    }

    /** {@code PullRequestChecks.NoRootUrl}: the check has no links because Jenkins does not know its own URL. */
    public static String PullRequestChecks_NoRootUrl(Object name) {
        return HOLDER.format("PullRequestChecks.NoRootUrl", name);
    }

    /** {@code PullRequestChecks.NoRootUrl}, localizable. */
    public static Localizable _PullRequestChecks_NoRootUrl(Object name) {
        return new Localizable(HOLDER, "PullRequestChecks.NoRootUrl", name);
    }
}
