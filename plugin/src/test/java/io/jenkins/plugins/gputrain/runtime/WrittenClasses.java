package io.jenkins.plugins.gputrain.runtime;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.converters.Converter;
import com.thoughtworks.xstream.converters.MarshallingContext;
import com.thoughtworks.xstream.converters.UnmarshallingContext;
import com.thoughtworks.xstream.io.HierarchicalStreamReader;
import com.thoughtworks.xstream.io.HierarchicalStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/** The classes that Jenkins' two serialisations write for an object, as the class filter sees them. */
public final class WrittenClasses {
    private WrittenClasses() {}

    /**
     * What XStream asks its converters about while it writes the object: Jenkins' {@code XStream2} registers a
     * {@code BlacklistedTypesConverter} at {@code PRIORITY_VERY_HIGH} whose {@code canConvert(type)} consults the class
     * filter for every type it meets and refuses to marshal a rejected one (core/src/main/java/hudson/util/
     * XStream2.java at jenkins-2.555.3). The recorder sits at the same place.
     *
     * @return the classes met, in order
     */
    public static Set<Class<?>> byXStream(Object persisted) {
        Set<Class<?>> met = new LinkedHashSet<>();
        XStream xstream = new XStream();
        xstream.registerConverter(
                new Converter() {
                    @Override
                    public boolean canConvert(Class type) {
                        if (type != null) {
                            met.add(type);
                        }
                        return false;
                    }

                    @Override
                    public void marshal(Object source, HierarchicalStreamWriter writer, MarshallingContext context) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Object unmarshal(HierarchicalStreamReader reader, UnmarshallingContext context) {
                        throw new UnsupportedOperationException();
                    }
                },
                XStream.PRIORITY_VERY_HIGH);
        xstream.toXML(persisted);
        return met;
    }

    /**
     * Every class descriptor that Java serialization writes for the object: remoting sends callables, their results
     * and exceptions this way, and the receiving side's {@code ObjectInputStreamEx.resolveClass} checks each one
     * with the class filter (jenkinsci/remoting src/main/java/hudson/remoting/ObjectInputStreamEx.java).
     */
    public static Set<Class<?>> byJavaSerialization(Object remoted) throws IOException {
        Set<Class<?>> written = new LinkedHashSet<>();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream()) {
            @Override
            protected void annotateClass(Class<?> c) {
                written.add(c);
            }

            @Override
            protected void annotateProxyClass(Class<?> c) {
                written.add(c);
            }
        }) {
            out.writeObject(remoted);
        }
        return written;
    }
}
