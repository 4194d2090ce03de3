package io.jenkins.plugins.gputrain.stubs;

import com.github.javaparser.ast.body.ConstructorDeclaration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that every stub type and member is declared exactly as in the real Jenkins API signature list, and says
 * for each that is not which real declaration is closest.
 */
final class StubSignatureChecker {
    /**
     * Meta-annotations whose types are not on Maven Central, so the stub cannot carry them. Each is replaced by
     * something the build does itself (see the stub's Javadoc).
     */
    private static final Map<String, Set<String>> KNOWN_OMISSIONS =
            Map.of("org.jenkinsci.Symbol", Set.of("@org.jvnet.hudson.annotation_indexer.Indexed"));

    private final Map<String, ApiType> reference;
    private final CanonicalForm referenceForm;

    StubSignatureChecker(Map<String, ApiType> reference) {
        this.reference = reference;
        this.referenceForm = new CanonicalForm(new NameResolver(reference));
    }

    /**
     * Compares stubs with the reference.
     *
     * @param stubs the stub types by fully qualified name
     * @return one line per problem, empty when every stub matches
     */
    List<String> check(Map<String, ApiType> stubs) {
        CanonicalForm stubForm = new CanonicalForm(new NameResolver(stubs));
        List<String> problems = new ArrayList<>();
        for (ApiType stub : new TreeMap<>(stubs).values()) {
            ApiType real = reference.get(stub.fqn());
            if (real == null) {
                problems.add("stub type " + stub.fqn() + " is not in the signature list; closest real type: "
                        + closestType(stub.fqn()));
                continue;
            }
            String stubDeclaration = stubForm.ofType(stub);
            String realDeclaration = withoutOmissions(real, referenceForm.ofType(real));
            if (!stubDeclaration.equals(realDeclaration)) {
                problems.add("stub type " + stub.fqn() + " is declared as [" + stubDeclaration
                        + "] but the real declaration is [" + realDeclaration + "] from `" + realLine(real) + "`");
            }
            problems.addAll(checkMembers(stub, real, stubForm));
        }
        return problems;
    }

    private List<String> checkMembers(ApiType stub, ApiType real, CanonicalForm stubForm) {
        Map<String, ApiType.Member> realMembers = new LinkedHashMap<>();
        for (ApiType.Member member : real.members()) {
            for (String canonical : referenceForm.ofMember(member.declaration(), real)) {
                realMembers.put(canonical, member);
            }
        }
        List<String> problems = new ArrayList<>();
        for (ApiType.Member member : stub.members()) {
            for (String canonical : stubForm.ofMember(member.declaration(), stub)) {
                if (!realMembers.containsKey(canonical)) {
                    problems.add("stub member " + stub.fqn() + ": `" + member.text()
                            + "` is not in the signature list; closest real declaration: "
                            + closestMember(member, canonical, realMembers));
                }
            }
        }
        boolean declaresConstructor =
                stub.members().stream().anyMatch(m -> m.declaration() instanceof ConstructorDeclaration);
        List<String> realConstructors = real.members().stream()
                .filter(m -> m.declaration() instanceof ConstructorDeclaration)
                .map(ApiType.Member::text)
                .toList();
        if ("class".equals(stub.kind()) && !declaresConstructor && !realConstructors.isEmpty()) {
            problems.add("stub class " + stub.fqn() + " has an implicit default constructor but the real class"
                    + " declares " + realConstructors + "; declare the constructor the plugin needs");
        }
        return problems;
    }

    private String closestMember(ApiType.Member member, String canonical, Map<String, ApiType.Member> realMembers) {
        if (realMembers.isEmpty()) {
            return "none (the real type lists no members)";
        }
        List<String> names = CanonicalForm.namesOf(member.declaration());
        List<Map.Entry<String, ApiType.Member>> sameName = realMembers.entrySet().stream()
                .filter(e -> CanonicalForm.namesOf(e.getValue().declaration()).stream()
                        .anyMatch(names::contains))
                .toList();
        List<Map.Entry<String, ApiType.Member>> candidates =
                sameName.isEmpty() ? List.copyOf(realMembers.entrySet()) : sameName;
        return "`"
                + candidates.stream()
                        .min(Comparator.comparingInt(e -> distance(canonical, e.getKey())))
                        .orElseThrow()
                        .getValue()
                        .text()
                + "`";
    }

    private String closestType(String fqn) {
        String simpleName = fqn.substring(fqn.lastIndexOf('.') + 1);
        return reference.keySet().stream()
                .min(Comparator.comparingInt((String real) -> real.endsWith("." + simpleName) ? 0 : 1)
                        .thenComparingInt(real -> distance(fqn, real)))
                .orElse("none");
    }

    private static String withoutOmissions(ApiType real, String declaration) {
        String result = declaration;
        for (String omitted : KNOWN_OMISSIONS.getOrDefault(real.fqn(), Set.of())) {
            result = result.replace(omitted + ", ", "")
                    .replace(", " + omitted, "")
                    .replace(omitted, "");
        }
        return result;
    }

    private static String realLine(ApiType real) {
        return real.declaration()
                .toString()
                .replace("{\n}", "")
                .replaceAll("\\s+", " ")
                .trim();
    }

    /** Levenshtein distance between two texts. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
