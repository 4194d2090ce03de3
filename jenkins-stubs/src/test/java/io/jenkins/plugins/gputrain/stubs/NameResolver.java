package io.jenkins.plugins.gputrain.stubs;

import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves type names as written in one side's declarations to fully qualified names, following Java's order:
 * type variables, member types (declared, enclosing and inherited), single-type imports (a nested type's own, then
 * those of the types enclosing it, which share its compilation unit), the same package,
 * {@code java.lang}. A name that none of these resolves is kept as written, so both sides compare alike.
 */
final class NameResolver {
    private final Map<String, ApiType> universe;

    NameResolver(Map<String, ApiType> universe) {
        this.universe = universe;
    }

    /**
     * Resolves a possibly qualified name ({@code Descriptor.FormException}, {@code javax.servlet.ServletException}).
     *
     * @param name the name as written
     * @param context the type whose declaration uses the name
     * @param typeVariables the type variables in scope
     * @return the fully qualified name, or the name as written when nothing resolves it
     */
    String resolve(String name, ApiType context, Set<String> typeVariables) {
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        if (typeVariables.contains(first)) {
            return name;
        }
        String resolved = resolveSimple(first, context, true);
        return resolved == null ? name : resolved + rest;
    }

    private String resolveSimple(String name, ApiType context, boolean inherited) {
        for (String owner = context.fqn();
                owner.length() > context.packageName().length();
                owner = parent(owner)) {
            String member = memberType(owner, name, inherited, new HashSet<>());
            if (member != null) {
                return member;
            }
        }
        for (String owner = context.fqn();
                owner.length() > context.packageName().length();
                owner = parent(owner)) {
            ApiType enclosing = owner.equals(context.fqn()) ? context : universe.get(owner);
            if (enclosing != null && enclosing.imports().containsKey(name)) {
                return enclosing.imports().get(name);
            }
        }
        String samePackage = context.packageName() + "." + name;
        if (universe.containsKey(samePackage)) {
            return samePackage;
        }
        if (isJavaLang(name)) {
            return "java.lang." + name;
        }
        return null;
    }

    private String memberType(String owner, String name, boolean inherited, Set<String> visited) {
        String candidate = owner + "." + name;
        if (universe.containsKey(candidate)) {
            return candidate;
        }
        ApiType type = universe.get(owner);
        if (!inherited || type == null || !visited.add(owner)) {
            return null;
        }
        for (String supertype : supertypes(type)) {
            String found = memberType(supertype, name, true, visited);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The fully qualified names of a type's direct supertypes, without type arguments. */
    List<String> supertypes(ApiType type) {
        List<ClassOrInterfaceType> declared = new ArrayList<>();
        if (type.declaration().isClassOrInterfaceDeclaration()) {
            declared.addAll(type.declaration().asClassOrInterfaceDeclaration().getExtendedTypes());
            declared.addAll(type.declaration().asClassOrInterfaceDeclaration().getImplementedTypes());
        } else if (type.declaration().isEnumDeclaration()) {
            declared.addAll(type.declaration().asEnumDeclaration().getImplementedTypes());
        }
        List<String> names = new ArrayList<>();
        for (ClassOrInterfaceType supertype : declared) {
            String written = supertype.getNameWithScope();
            int dot = written.indexOf('.');
            String first = dot < 0 ? written : written.substring(0, dot);
            String resolved = resolveSimple(first, type, false);
            names.add(resolved == null ? written : resolved + (dot < 0 ? "" : written.substring(dot)));
        }
        return names;
    }

    private static String parent(String fqn) {
        return fqn.substring(0, Math.max(0, fqn.lastIndexOf('.')));
    }

    private static boolean isJavaLang(String name) {
        try {
            Class.forName("java.lang." + name, false, NameResolver.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
