package org.kohsuke.stapler.export;

/** Compile-only stub of {@code org.kohsuke.stapler.export.CustomExportedBean} (the supertype of Result). */
public interface CustomExportedBean {
    Object toExportedObject();
}
