package io.jenkins.plugins.gputrain.build;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/annotations/org.jenkinsci.Symbol}: the binary names of all classes annotated
 * {@code @org.jenkinsci.Symbol}, one per line, sorted. This is the index structs' {@code SymbolLookup} reads through
 * annotation-indexer; annotation-indexer itself is not on Maven Central, so the build writes the index here.
 */
public final class SymbolIndexProcessor extends AbstractProcessor {
    /** The annotation whose uses are indexed. */
    public static final String SYMBOL = "org.jenkinsci.Symbol";

    /** Where the index goes, relative to the class output. */
    public static final String INDEX = "META-INF/annotations/" + SYMBOL;

    private final Set<String> classes = new TreeSet<>();
    private final Set<Element> originatingElements = new HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(SYMBOL);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        for (TypeElement annotation : annotations) {
            for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type) {
                    classes.add(
                            processingEnv.getElementUtils().getBinaryName(type).toString());
                    originatingElements.add(element);
                }
            }
        }
        if (roundEnv.processingOver() && !classes.isEmpty()) {
            writeIndex();
        }
        return false;
    }

    private void writeIndex() {
        try {
            FileObject index = processingEnv
                    .getFiler()
                    .createResource(
                            StandardLocation.CLASS_OUTPUT, "", INDEX, originatingElements.toArray(new Element[0]));
            try (Writer out = new OutputStreamWriter(index.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : classes) {
                    out.write(name);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv
                    .getMessager()
                    .printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e.getMessage());
        }
    }
}
