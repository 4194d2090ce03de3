package io.jenkins.plugins.gputrain.core.engine.k8s;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 review (14a) 2: only the thread's flag or an {@code InterruptedException} in the cause chain is an
 * interrupt; okhttp 4.12.0's timeouts are {@code InterruptedIOException}s too and are not.
 */
class ClientInterruptsTest {
    @AfterEach
    void clearTheFlag() {
        Thread.interrupted();
    }

    @Test
    void okhttpsCallTimeoutIsNotAnInterrupt() {
        var timeout = new KubernetesClientException("timeout", new InterruptedIOException("timeout"));

        assertThatCode(() -> ClientInterrupts.rethrowIfInterrupted(timeout, "reading pod p"))
                .doesNotThrowAnyException();
    }

    @Test
    void aReadTimeoutIsNotAnInterrupt() {
        var timeout = new KubernetesClientException("Read timed out", new SocketTimeoutException("Read timed out"));

        assertThatCode(() -> ClientInterrupts.rethrowIfInterrupted(timeout, "reading pod p"))
                .doesNotThrowAnyException();
    }

    /** fabric8 7.3.1's {@code OperationSupport.waitForResult}: an InterruptedIOException caused by the interrupt. */
    @Test
    void anInterruptedCallIsAnInterrupt() {
        var interrupted = new InterruptedIOException();
        interrupted.initCause(new InterruptedException());
        var e = new KubernetesClientException("interrupted", interrupted);

        assertThatThrownBy(() -> ClientInterrupts.rethrowIfInterrupted(e, "reading pod p"))
                .isInstanceOf(InterruptedException.class)
                .hasMessage("interrupted while reading pod p")
                .hasCause(e);
    }

    @Test
    void anyFailureWhileTheThreadIsInterruptedIsAnInterrupt() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> ClientInterrupts.rethrowIfInterrupted(
                        new KubernetesClientException("closed"), "watching the pod"))
                .isInstanceOf(InterruptedException.class)
                .hasMessage("interrupted while watching the pod");
    }
}
