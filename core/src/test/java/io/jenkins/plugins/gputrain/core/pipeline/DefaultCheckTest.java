package io.jenkins.plugins.gputrain.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultCheckTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "cpuMemory # 4-16000+nvidia-tesla-t4*1",
                "cpuMemory # ''",
                "nodeSelector # gpu=true,pool=spot",
                "namespace # ml-training",
                "image # registry.example.com/ml/dvc:3",
                "baseline # origin/main",
                "pendingTimeout # 10m",
                "timeout # 4h",
                "retries # 3",
                "cloud # kubernetes",
                "dvcRemoteCredentialsId # dvc-remote",
                "gpuResourceName # amd.com/gpu",
                "acceleratorLabelKey # cloud.google.com/gke-accelerator",
                "trendLength # 50",
            })
    void goodAndEmptyValuesPass(String field, String value) {
        assertThat(DefaultCheck.problem(field, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '#',
            value = {
                "cpuMemory # 1-2000+t4*0 # cpuMemory '1-2000+t4*0': GPU count must be at least 1 (expected"
                        + " {cpu}-{memory}[+{model}*{count}] or s|m|l|xl)",
                "nodeSelector # gpu # nodeSelector 'gpu': entry 'gpu' has no '=' (expected key=value[,key=value…] with"
                        + " Kubernetes label keys and values)",
                "namespace # ML_Team # namespace 'ML_Team': not a DNS label (expected at most 63 lower-case letters,"
                        + " digits or '-', alphanumeric at both ends)",
                "timeout # soon # timeout 'soon': not a duration (expected a positive duration such as 90s, 30m, 2h,"
                        + " 1h30m, 1d or PT2H)",
                "retries # 11 # retries '11': out of range (expected a whole number from 0 to 10)",
                "baseline # -x # baseline '-x': must not start with '-' (expected a branch, tag or commit such as main,"
                        + " origin/main or v1.2)",
                "gpuResourceName # gpu # gpuResourceName 'gpu': not an extended resource name (expected domain/name such"
                        + " as nvidia.com/gpu or amd.com/gpu)",
                "trendLength # 0 # trendLength '0': out of range (expected a whole number of builds from 1 to 1000)",
            })
    void badValuesGiveTheStepsMessage(String field, String value, String message) {
        assertThat(DefaultCheck.problem(field, value)).contains(message);
    }
}
