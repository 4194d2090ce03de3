package io.jenkins.plugins.gputrain.core.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PodResources}: the sums and defaults of {@code defaults.go} and component-helpers, written as Go writes them. */
class PodResourcesTest {
    /** Go's {@code Quantity.String()} (apimachinery v0.35.4 {@code pkg/api/resource/quantity.go} CanonicalizeBytes). */
    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource({
        "1.5, false, 1500m",
        "2000, false, 2k",
        "1500, false, 1500",
        "16000000000, false, 16G",
        "0.000000001, false, 1n",
        "16777216000, true, 16000Mi",
        "1610612736, true, 1536Mi",
        "2147483648, true, 2Gi",
        "1000, true, 1k",
        "1024, true, 1Ki",
        "1536.5, true, 1536500m",
        "0, true, 0"
    })
    void amountsAreWrittenAsGoWritesThem(String amount, boolean binary, String written) {
        assertThat(PodResources.canonical(new BigDecimal(amount), binary).toString())
                .isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // sidecars add up, to the containers and to later init containers; the largest init container competes
                "{containers: [{name: a, resources: {requests: {cpu: 1, memory: 1Gi}}}], initContainers: [{name: s,"
                        + " restartPolicy: Always, resources: {limits: {cpu: 500m, memory: 512Mi}}}, {name: i,"
                        + " resources: {requests: {cpu: 2}}}]}|{cpu=2500m, memory=1536Mi}|{}",
                // pod-level limits: cpu and memory requests default to the containers' sum, others to the limit
                "{containers: [{name: a, resources: {requests: {cpu: 1}}}], resources: {limits: {cpu: 4, memory: 8Gi}}}"
                        + "|{cpu=1}|{cpu=1, memory=8Gi}",
                // no pod-level limits: nothing is defaulted
                "{containers: [{name: a, resources: {requests: {cpu: 1}}}], resources: {requests: {memory: 1Gi}}}"
                        + "|{cpu=1}|{memory=1Gi}",
                // a hugepages limit of the containers becomes the pod's limit, and so its request
                "{containers: [{name: a, resources: {limits: {memory: 1Gi, hugepages-2Mi: 4Mi}}}],"
                        + " resources: {limits: {memory: 2Gi}}}|{hugepages-2Mi=4Mi, memory=1Gi}"
                        + "|{hugepages-2Mi=4Mi, memory=1Gi}"
            })
    void requestsAreSummedAndDefaultedAsTheApiServerDoes(String yaml, String containers, String pod) {
        PodSpec spec = Serialization.unmarshal("apiVersion: v1\nkind: Pod\nspec: " + yaml, Pod.class)
                .getSpec();

        assertThat(PodResources.containerRequests(spec)).hasToString(containers);
        assertThat(PodResources.podRequests(spec)).hasToString(pod);
    }
}
