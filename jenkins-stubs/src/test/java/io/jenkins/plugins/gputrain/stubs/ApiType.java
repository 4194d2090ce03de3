package io.jenkins.plugins.gputrain.stubs;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.List;
import java.util.Map;

/**
 * One type of the Jenkins API as one side declares it: either a stub source file or the signature list.
 *
 * @param fqn fully qualified name, nested types with dots ({@code hudson.model.Descriptor.FormException})
 * @param packageName the package the type lives in
 * @param declaration the parsed type declaration (members of the AST are ignored; see {@code members})
 * @param imports simple name to fully qualified name, from the single-type imports that side declares
 * @param members member declarations, each with the text to show in a message
 */
record ApiType(
        String fqn,
        String packageName,
        TypeDeclaration<?> declaration,
        Map<String, String> imports,
        List<Member> members) {

    /**
     * A member declaration and how to show it.
     *
     * @param declaration the parsed member
     * @param text the declaration as written, for messages
     */
    record Member(BodyDeclaration<?> declaration, String text) {}

    /** The source keyword of the type: class, interface, enum or @interface. */
    String kind() {
        if (declaration.isAnnotationDeclaration()) {
            return "@interface";
        }
        if (declaration.isEnumDeclaration()) {
            return "enum";
        }
        if (declaration.isRecordDeclaration()) {
            return "record";
        }
        return declaration.asClassOrInterfaceDeclaration().isInterface() ? "interface" : "class";
    }

    /** The simple name of the type. */
    String simpleName() {
        return fqn.substring(fqn.lastIndexOf('.') + 1);
    }
}
