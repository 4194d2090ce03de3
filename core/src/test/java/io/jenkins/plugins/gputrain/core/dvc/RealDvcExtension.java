package io.jenkins.plugins.gputrain.core.dvc;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a {@link RealDvc} to test methods that take one: a single instance (one DVC driver process) for the whole
 * test run, closed when the run ends. Without DVC the tests are skipped, or fail under CI ({@link RealDvc#require}),
 * before they start.
 */
public final class RealDvcExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealDvc.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        instance(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        instance(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealDvc.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return instance(context);
    }

    private static RealDvc instance(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        RealDvc dvc = store.get(RealDvc.class, RealDvc.class);
        if (dvc == null) {
            dvc = RealDvc.require();
            store.put(RealDvc.class, dvc);
        }
        return dvc;
    }
}
