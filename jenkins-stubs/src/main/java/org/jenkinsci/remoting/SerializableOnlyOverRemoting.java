package org.jenkinsci.remoting;

import java.io.Serializable;

/** Compile-only stub of {@code org.jenkinsci.remoting.SerializableOnlyOverRemoting}. */
public interface SerializableOnlyOverRemoting extends Serializable {}
