package io.jenkins.plugins.gputrain.core.engine.k8s;

import java.util.Optional;

/** What a watch of the pod has shown of its training container while a command runs in it. */
@FunctionalInterface
public interface PodWatch {
    /**
     * Whether the newest state delivered shows the training container stopped, or about to be (the pod being
     * deleted): no exec can be run in it any more.
     *
     * @return what the state shows, or empty while the container may still run
     */
    Optional<StoppedContainer> stoppedContainer();
}
