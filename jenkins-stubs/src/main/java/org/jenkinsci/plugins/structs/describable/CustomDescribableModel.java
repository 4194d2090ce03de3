package org.jenkinsci.plugins.structs.describable;

import java.util.Map;

/** Compile-only stub of {@code org.jenkinsci.plugins.structs.describable.CustomDescribableModel} (structs plugin). */
public interface CustomDescribableModel {
    default Map<String, Object> customInstantiate(Map<String, Object> arguments) {
        return arguments;
    }
}
