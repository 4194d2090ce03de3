package io.jenkins.plugins.gputrain.runtime;

/** Whether a test runs inside {@code HpiRuntimeIT}'s loader, with gpu-train's classes from the .hpi's jars. */
public final class HpiRuntime {
    private HpiRuntime() {}

    /** True when this class was loaded by {@link HpiClassLoader}, as everything of gpu-train then is. */
    public static boolean active() {
        return HpiRuntime.class.getClassLoader().getClass().getName().equals(HpiClassLoader.class.getName());
    }
}
