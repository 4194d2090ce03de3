package io.jenkins.plugins.gputrain.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProductInfoTest {
    @Test
    void buildStampIsFilledIn() {
        ProductInfo info = ProductInfo.current();

        assertThat(info.name()).isEqualTo("gpu-train");
        assertThat(info.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(info.fabric8Version()).isEqualTo("7.3.1");
        assertThat(info.jenkinsVersion()).isEqualTo("2.555.3");
        assertThat(info.versionLine())
                .isEqualTo("gpu-train " + info.version() + " (fabric8 7.3.1, Jenkins baseline 2.555.3)");
    }

    @Test
    void unfilledPlaceholderIsAnErrorNamingTheKey() {
        String stamp = "name=gpu-train\nversion=${project.version}\nfabric8.version=7.3.1\njenkins.version=2.555.3\n";

        assertThatThrownBy(() -> read(stamp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("product.properties: key 'version' is missing or was not filled in by the build"
                        + " (expected a value such as 1.0.0)");
    }

    @Test
    void missingKeyIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> read("name=gpu-train\nversion=1.0.0\nfabric8.version=7.3.1\n"))
                .hasMessageContaining("key 'jenkins.version' is missing");
    }

    private static ProductInfo read(String text) throws IOException {
        return ProductInfo.fromProperties(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
