package io.jenkins.plugins.gputrain.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker on small hand-made APIs: it passes exact copies and names every kind of difference. */
class StubSignatureCheckerTest {
    private static final List<String> REFERENCE = List.of(
            "demo.Base | public abstract class Base<T extends Base<T>> implements Marker, Saveable",
            "demo.Base | import java.io.IOException;",
            "demo.Base | import other.Saveable;",
            "demo.Base | protected Base(Class<? extends T> clazz)",
            "demo.Base | public String getDisplayName()",
            "demo.Base | public static <U> U lookup(Class<U> type) throws IOException",
            "demo.Base | public final void save()",
            "demo.Base | @Deprecated public void legacy(String... values)",
            "demo.Base | public static final String NAME = \"base\"",
            "demo.Base.Failure | public static final class Failure extends Exception",
            "demo.Base.Failure | public Failure(String message)",
            "demo.Base.Failure | public Failure(String message, IOException cause)",
            "demo.Marker | public interface Marker",
            "demo.Marker | default Base<?> owner()",
            "demo.Marker | int size()",
            "demo.Indexed | @Retention(RUNTIME) @Target(TYPE) public @interface Indexed",
            "demo.Indexed | import static java.lang.annotation.ElementType.TYPE;",
            "demo.Indexed | import static java.lang.annotation.RetentionPolicy.RUNTIME;",
            "demo.Indexed | import java.lang.annotation.Retention;",
            "demo.Indexed | import java.lang.annotation.Target;",
            "demo.Indexed | double ordinal() default 0",
            "demo.Kind | public enum Kind",
            "demo.Kind | OK, WARNING, ERROR;",
            "other.Saveable | public interface Saveable");

    private static final String BASE =
            """
            package demo;

            import java.io.IOException;
            import other.Saveable;

            public abstract class Base<T extends Base<T>> implements Marker, Saveable {
                protected Base(Class<? extends T> clazz) {}
                public String getDisplayName() { return null; }
                public static <U> U lookup(Class<U> type) throws IOException { return null; }
                public final void save() {}
                @Deprecated public void legacy(String... values) {}
                public static final String NAME = "base";

                public static final class Failure extends Exception {
                    public Failure(String message) {}
                }
            }
            """;
    private static final String MARKER =
            """
            package demo;

            public interface Marker {
                default Base<?> owner() { return null; }
                int size();
            }
            """;
    private static final String INDEXED =
            """
            package demo;

            import static java.lang.annotation.ElementType.TYPE;
            import static java.lang.annotation.RetentionPolicy.RUNTIME;

            import java.lang.annotation.Retention;
            import java.lang.annotation.Target;

            @Retention(RUNTIME)
            @Target(TYPE)
            public @interface Indexed {
                double ordinal() default 0;
            }
            """;
    private static final String KIND = "package demo; public enum Kind { OK, WARNING, ERROR }";
    private static final String SAVEABLE = "package other; public interface Saveable {}";

    @Test
    void exactCopiesPass() {
        assertThat(check(BASE, MARKER, INDEXED, KIND, SAVEABLE)).isEmpty();
    }

    @Test
    void parameterNamesAndOrderOfInterfacesDoNotMatter() {
        String renamed = BASE.replace("Class<U> type", "Class<U> clazz")
                .replace("implements Marker, Saveable", "implements Saveable, Marker");

        assertThat(check(renamed, MARKER, SAVEABLE)).isEmpty();
    }

    @Test
    void aNestedTypesNamesResolveThroughTheImportsOfItsEnclosingType() {
        String stub = BASE.replace(
                "public Failure(String message) {}",
                "public Failure(String message) {}\n        public Failure(String message, IOException cause) {}");

        assertThat(check(stub, MARKER, SAVEABLE)).isEmpty();
    }

    @Test
    void wrongReturnTypeNamesTheMemberAndTheClosestRealDeclaration() {
        String stub = BASE.replace(
                "public String getDisplayName() { return null; }", "public Object getDisplayName() { return null; }");

        assertThat(check(stub, MARKER, SAVEABLE))
                .containsExactly("stub member demo.Base: `public Object"
                        + " getDisplayName()` is not in the signature list; closest real declaration: `public String"
                        + " getDisplayName()`");
    }

    @Test
    void missingThrowsClauseIsADifference() {
        String stub = BASE.replace("lookup(Class<U> type) throws IOException", "lookup(Class<U> type)");

        assertThat(check(stub, MARKER, SAVEABLE))
                .singleElement()
                .asString()
                .contains("`public static <U> U lookup(Class<U> type)`")
                .endsWith("closest real declaration: `public static <U> U lookup(Class<U> type) throws IOException`");
    }

    @Test
    void typeWithSameSimpleNameFromAnotherPackageIsADifference() {
        String stub = BASE.replace("import java.io.IOException;", "import java.io.UncheckedIOException;")
                .replace("throws IOException", "throws UncheckedIOException");

        assertThat(check(stub, MARKER, SAVEABLE)).singleElement().asString().contains("lookup");
    }

    @Test
    void staticInsteadOfInstanceFinalInsteadOfOverridableAndVarargsAreDifferences() {
        String stub = BASE.replace("public final void save() {}", "public void save() {}")
                .replace("public String getDisplayName()", "public static String getDisplayName()")
                .replace("legacy(String... values)", "legacy(String[] values)");

        assertThat(check(stub, MARKER, SAVEABLE)).hasSize(3);
    }

    @Test
    void droppingDeprecatedIsADifference() {
        String stub = BASE.replace("@Deprecated public void legacy", "public void legacy");

        assertThat(check(stub, MARKER, SAVEABLE)).singleElement().asString().contains("legacy");
    }

    @Test
    void memberThatTheRealTypeDoesNotHaveIsReported() {
        String stub = BASE.replace(
                "public final void save() {}", "public final void save() {}\n" + "    public void invented() {}");

        assertThat(check(stub, MARKER, SAVEABLE))
                .singleElement()
                .asString()
                .startsWith("stub member demo.Base: `public void invented()` is not in the signature list");
    }

    @Test
    void constantWithAnotherValueIsADifference() {
        String stub = BASE.replace("NAME = \"base\"", "NAME = \"other\"");

        assertThat(check(stub, MARKER, SAVEABLE))
                .singleElement()
                .asString()
                .contains("closest real declaration: `public static final String NAME = \"base\"`");
    }

    @Test
    void wrongSuperclassOrMissingInterfaceIsADifference() {
        String stub = BASE.replace("implements Marker, Saveable", "implements Marker");

        assertThat(check(stub, MARKER, SAVEABLE))
                .singleElement()
                .asString()
                .startsWith("stub type demo.Base is declared as")
                .contains("implements [demo.Marker]")
                .contains("implements [demo.Marker, other.Saveable]");
    }

    @Test
    void nestedTypeMustKeepItsModifiers() {
        String stub = BASE.replace("public static final class Failure", "public static class Failure");

        assertThat(check(stub, MARKER, SAVEABLE)).singleElement().asString().startsWith("stub type demo.Base.Failure");
    }

    @Test
    void implicitConstructorWhereTheRealClassDeclaresOnlyAnotherOneIsReported() {
        String stub = BASE.replace("protected Base(Class<? extends T> clazz) {}", "");

        assertThat(check(stub, MARKER, SAVEABLE))
                .singleElement()
                .asString()
                .contains("implicit default constructor")
                .contains("protected Base(Class<? extends T> clazz)");
    }

    @Test
    void interfaceMembersAreImplicitlyPublicAbstract() {
        String stub = MARKER.replace("int size();", "public abstract int size();");

        assertThat(check(BASE, stub, SAVEABLE)).isEmpty();
    }

    @Test
    void defaultMethodTurnedAbstractIsADifference() {
        String stub = MARKER.replace("default Base<?> owner() { return null; }", "Base<?> owner();");

        assertThat(check(BASE, stub, SAVEABLE)).singleElement().asString().contains("owner");
    }

    @Test
    void annotationTypeKeepsItsMetaAnnotationsAndDefaults() {
        assertThat(check(INDEXED.replace("@Target(TYPE)\n", "")))
                .singleElement()
                .asString()
                .startsWith("stub type demo.Indexed");
        assertThat(check(INDEXED.replace("default 0", "default 1")))
                .singleElement()
                .asString()
                .contains("ordinal");
    }

    @Test
    void enumConstantsMustExist() {
        assertThat(check(KIND.replace("ERROR", "FATAL")))
                .singleElement()
                .asString()
                .contains("`FATAL`");
    }

    @Test
    void typeMissingFromTheListNamesTheClosestRealType() {
        assertThat(check("package demo.model; public interface Marker {}"))
                .containsExactly(
                        "stub type demo.model.Marker is not in the signature list; closest real type: demo.Marker");
    }

    @Test
    void unreadableSignatureLineIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> new SignatureListReader().read(List.of("demo.X public class X")))
                .hasMessage("signature line without ' | ': demo.X public class X");
        assertThatThrownBy(() -> new SignatureListReader().read(List.of("demo.X | public class X", "demo.X | ((")))
                .hasMessage("cannot parse a member of demo.X: ((");
    }

    @Test
    void distanceIsLevenshtein() {
        assertThat(StubSignatureChecker.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(StubSignatureChecker.distance("", "abc")).isEqualTo(3);
        assertThat(StubSignatureChecker.distance("same", "same")).isZero();
    }

    private static List<String> check(String... sources) {
        Map<String, ApiType> reference = new SignatureListReader().read(REFERENCE);
        return new StubSignatureChecker(reference).check(new StubSourceReader().read(List.of(sources)));
    }
}
