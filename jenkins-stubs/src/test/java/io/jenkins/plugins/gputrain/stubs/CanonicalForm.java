package io.jenkins.plugins.gputrain.stubs;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders declarations in one canonical text, so that a stub and the real declaration compare equal exactly when
 * they declare the same API: kind, visibility, static/abstract/final/default, {@code @Deprecated}, type parameters
 * with bounds, fully qualified types, parameter types (not names), thrown exceptions, superclass, interfaces,
 * meta-annotations of annotation types, annotation defaults and the values of compile-time constants.
 */
final class CanonicalForm {
    private final NameResolver resolver;

    CanonicalForm(NameResolver resolver) {
        this.resolver = resolver;
    }

    /** The canonical text of a type's own declaration (members excluded). */
    String ofType(ApiType type) {
        TypeDeclaration<?> declaration = type.declaration();
        Set<String> variables = typeVariables(type);
        StringBuilder text = new StringBuilder(type.kind()).append(' ');
        text.append(visibility(declaration, false));
        boolean implicitlyStatic = !"class".equals(type.kind());
        if (declaration.isStatic() && !implicitlyStatic) {
            text.append(" static");
        }
        if (declaration.hasModifier(Modifier.Keyword.ABSTRACT) && "class".equals(type.kind())) {
            text.append(" abstract");
        }
        if (declaration.hasModifier(Modifier.Keyword.FINAL)) {
            text.append(" final");
        }
        text.append(' ').append(type.simpleName());
        if (declaration.isClassOrInterfaceDeclaration()) {
            var classOrInterface = declaration.asClassOrInterfaceDeclaration();
            text.append(typeParameters(classOrInterface.getTypeParameters(), type, variables));
            List<String> extended = types(classOrInterface.getExtendedTypes(), type, variables);
            if (classOrInterface.isInterface()) {
                extended = extended.stream().sorted().toList();
            }
            text.append(" extends ").append(extended);
            text.append(" implements ").append(sorted(types(classOrInterface.getImplementedTypes(), type, variables)));
        } else if (declaration.isEnumDeclaration()) {
            text.append(" implements ")
                    .append(sorted(types(declaration.asEnumDeclaration().getImplementedTypes(), type, variables)));
        }
        text.append(" annotations ").append(annotations(declaration.getAnnotations(), type, type.kind()));
        return text.toString();
    }

    /**
     * The canonical texts of one member; a field declaring several variables gives one text each.
     *
     * @param member the member
     * @param owner the type that declares it
     * @return one or more canonical texts
     */
    List<String> ofMember(BodyDeclaration<?> member, ApiType owner) {
        boolean inInterface = "interface".equals(owner.kind()) || "@interface".equals(owner.kind());
        if (member instanceof MethodDeclaration method) {
            return List.of(method(method, owner, inInterface));
        }
        if (member instanceof ConstructorDeclaration constructor) {
            Set<String> variables = typeVariables(owner);
            variables.addAll(names(constructor.getTypeParameters()));
            return List.of("constructor " + flags(constructor, inInterface, false)
                    + typeParameters(constructor.getTypeParameters(), owner, variables)
                    + signature(constructor, owner, variables));
        }
        if (member instanceof FieldDeclaration field) {
            return fields(field, owner, inInterface);
        }
        if (member instanceof AnnotationMemberDeclaration annotationMember) {
            return List.of("annotation member " + type(annotationMember.getType(), owner, typeVariables(owner)) + " "
                    + annotationMember.getNameAsString()
                    + annotationMember
                            .getDefaultValue()
                            .map(v -> " default " + compact(v))
                            .orElse(""));
        }
        if (member instanceof EnumConstantDeclaration constant) {
            return List.of("enum constant " + constant.getNameAsString());
        }
        return List.of("other " + compact(member));
    }

    /** The simple name a member declares, for finding the closest declaration ({@code <init>} for constructors). */
    static List<String> namesOf(BodyDeclaration<?> member) {
        if (member instanceof ConstructorDeclaration) {
            return List.of("<init>");
        }
        if (member instanceof CallableDeclaration<?> callable) {
            return List.of(callable.getNameAsString());
        }
        if (member instanceof FieldDeclaration field) {
            return field.getVariables().stream()
                    .map(VariableDeclarator::getNameAsString)
                    .toList();
        }
        if (member instanceof AnnotationMemberDeclaration annotationMember) {
            return List.of(annotationMember.getNameAsString());
        }
        if (member instanceof EnumConstantDeclaration constant) {
            return List.of(constant.getNameAsString());
        }
        return List.of();
    }

    private String method(MethodDeclaration method, ApiType owner, boolean inInterface) {
        Set<String> variables = typeVariables(owner);
        variables.addAll(names(method.getTypeParameters()));
        boolean implicitlyAbstract = inInterface && !method.isDefault() && !method.isStatic() && !method.isPrivate();
        return "method " + flags(method, inInterface, implicitlyAbstract)
                + typeParameters(method.getTypeParameters(), owner, variables)
                + " " + type(method.getType(), owner, variables)
                + " " + method.getNameAsString()
                + signature(method, owner, variables);
    }

    private List<String> fields(FieldDeclaration field, ApiType owner, boolean inInterface) {
        Set<String> variables = typeVariables(owner);
        boolean isStatic = inInterface || field.isStatic();
        boolean isFinal = inInterface || field.isFinal();
        List<String> texts = new ArrayList<>();
        for (VariableDeclarator variable : field.getVariables()) {
            String constant = isStatic && isFinal
                    ? variable.getInitializer()
                            .filter(CanonicalForm::isConstant)
                            .map(v -> " = " + compact(v))
                            .orElse("")
                    : "";
            texts.add("field " + visibility(field, inInterface)
                    + (isStatic ? " static" : "")
                    + (isFinal ? " final" : "")
                    + deprecated(field)
                    + " " + type(variable.getType(), owner, variables)
                    + " " + variable.getNameAsString() + constant);
        }
        return texts;
    }

    private String signature(CallableDeclaration<?> callable, ApiType owner, Set<String> variables) {
        List<String> parameters = new ArrayList<>();
        for (Parameter parameter : callable.getParameters()) {
            parameters.add(type(parameter.getType(), owner, variables) + (parameter.isVarArgs() ? "..." : ""));
        }
        Set<String> thrown = new TreeSet<>();
        callable.getThrownExceptions().forEach(t -> thrown.add(type(t, owner, variables)));
        return "(" + String.join(", ", parameters) + ")" + (thrown.isEmpty() ? "" : " throws " + thrown);
    }

    private String flags(CallableDeclaration<?> callable, boolean inInterface, boolean implicitlyAbstract) {
        StringBuilder flags = new StringBuilder(visibility(callable, inInterface));
        if (callable.isStatic()) {
            flags.append(" static");
        }
        if (callable.isAbstract() || implicitlyAbstract) {
            flags.append(" abstract");
        }
        if (callable.isFinal()) {
            flags.append(" final");
        }
        if (callable instanceof MethodDeclaration method && method.isDefault()) {
            flags.append(" default");
        }
        return flags + deprecated(callable);
    }

    private static String deprecated(BodyDeclaration<?> declaration) {
        return declaration.getAnnotations().stream()
                        .anyMatch(a -> a.getNameAsString().endsWith("Deprecated"))
                ? " @Deprecated"
                : "";
    }

    private static String visibility(NodeWithModifiers<?> node, boolean inInterface) {
        if (node.hasModifier(Modifier.Keyword.PUBLIC) || inInterface && !node.hasModifier(Modifier.Keyword.PRIVATE)) {
            return "public";
        }
        if (node.hasModifier(Modifier.Keyword.PROTECTED)) {
            return "protected";
        }
        return node.hasModifier(Modifier.Keyword.PRIVATE) ? "private" : "package";
    }

    private String typeParameters(NodeList<TypeParameter> parameters, ApiType owner, Set<String> variables) {
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.stream()
                .map(p -> p.getNameAsString()
                        + (p.getTypeBound().isEmpty()
                                ? ""
                                : " extends " + String.join(" & ", types(p.getTypeBound(), owner, variables))))
                .collect(Collectors.joining(", ", " <", ">"));
    }

    private List<String> types(NodeList<ClassOrInterfaceType> types, ApiType owner, Set<String> variables) {
        return types.stream().map(t -> type(t, owner, variables)).toList();
    }

    private String type(Type type, ApiType owner, Set<String> variables) {
        if (type.isArrayType()) {
            return type(type.asArrayType().getComponentType(), owner, variables) + "[]";
        }
        if (type.isWildcardType()) {
            var wildcard = type.asWildcardType();
            return "?"
                    + wildcard.getExtendedType()
                            .map(t -> " extends " + type(t, owner, variables))
                            .orElse("")
                    + wildcard.getSuperType()
                            .map(t -> " super " + type(t, owner, variables))
                            .orElse("");
        }
        if (type.isClassOrInterfaceType()) {
            ClassOrInterfaceType classType = type.asClassOrInterfaceType();
            String name = resolver.resolve(classType.getNameWithScope(), owner, variables);
            return name
                    + classType
                            .getTypeArguments()
                            .map(arguments -> arguments.stream()
                                    .map(a -> type(a, owner, variables))
                                    .collect(Collectors.joining(", ", "<", ">")))
                            .orElse("");
        }
        return type.asString();
    }

    private String annotations(NodeList<AnnotationExpr> annotations, ApiType owner, String kind) {
        Set<String> texts = new TreeSet<>();
        for (AnnotationExpr annotation : annotations) {
            String name = resolver.resolve(annotation.getNameAsString(), owner, Set.of());
            boolean metaAnnotation = "@interface".equals(kind);
            if (metaAnnotation || "java.lang.Deprecated".equals(name)) {
                String arguments = annotation.isSingleMemberAnnotationExpr()
                        ? "("
                                + compact(annotation
                                        .asSingleMemberAnnotationExpr()
                                        .getMemberValue()) + ")"
                        : annotation.isNormalAnnotationExpr()
                                ? "("
                                        + compact(annotation
                                                .asNormalAnnotationExpr()
                                                .getPairs()) + ")"
                                : "";
                texts.add("@" + name + arguments);
            }
        }
        return texts.toString();
    }

    private static Set<String> typeVariables(ApiType type) {
        Set<String> variables = new HashSet<>();
        if (type.declaration().isClassOrInterfaceDeclaration()) {
            variables.addAll(
                    names(type.declaration().asClassOrInterfaceDeclaration().getTypeParameters()));
        }
        return variables;
    }

    private static List<String> names(NodeList<TypeParameter> parameters) {
        return parameters.stream().map(TypeParameter::getNameAsString).toList();
    }

    private static boolean isConstant(Expression expression) {
        if (expression instanceof UnaryExpr unary) {
            return isConstant(unary.getExpression());
        }
        return expression instanceof LiteralExpr && !(expression instanceof NullLiteralExpr);
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static String compact(Object node) {
        return node.toString().replaceAll("\\s+", " ").trim();
    }
}
