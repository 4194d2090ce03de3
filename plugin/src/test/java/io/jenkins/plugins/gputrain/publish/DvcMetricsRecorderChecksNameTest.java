package io.jenkins.plugins.gputrain.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check's name {@code publishDvcMetrics} publishes, as a Jenkinsfile or the freestyle form sets it. */
class DvcMetricsRecorderChecksNameTest {
    @Test
    void parallelPublicationsIntoTheirOwnDirectoriesGetTheirOwnChecks() {
        assertThat(recorder("gpu-train/resnet", null).checkName()).isEqualTo("DVC metrics (gpu-train/resnet)");
        assertThat(recorder("gpu-train/vit", null).checkName()).isEqualTo("DVC metrics (gpu-train/vit)");
        assertThat(new DvcMetricsRecorder().checkName()).isEqualTo("DVC metrics");
    }

    @Test
    void aGivenNameIsKeptAndTheFormsEmptyFieldMeansTheDefault() {
        assertThat(recorder("gpu-train/vit", " Model metrics ").checkName()).isEqualTo("Model metrics");
        assertThat(recorder("gpu-train/vit", "").checkName()).isEqualTo("DVC metrics (gpu-train/vit)");
        assertThat(recorder("gpu-train/vit", "").getChecksName()).isNull();
    }

    private static DvcMetricsRecorder recorder(String reportDir, String checksName) {
        DvcMetricsRecorder recorder = new DvcMetricsRecorder();
        recorder.setReportDir(reportDir);
        recorder.setChecksName(checksName);
        return recorder;
    }
}
