package hudson;

import java.util.TreeMap;

/** Compile-only stub of {@code hudson.EnvVars}. */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {}
}
