package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A macro bound to the scope it was defined in. Calling it renders its body in a fresh scope inside
 * that one, with the parameters bound as jinja2 binds them; extra positional arguments go to
 * {@code varargs} and unknown keywords to {@code kwargs} only when the body reads those names.
 */
final class Macro implements JinjaCallable {
    private final Node.Macro definition;
    private final Scope closure;
    private final Renderer renderer;

    Macro(Node.Macro definition, Scope closure, Renderer renderer) {
        this.definition = definition;
        this.closure = closure;
        this.renderer = renderer;
    }

    String name() {
        return definition.name();
    }

    @Override
    public Object call(Arguments arguments) {
        Scope scope = closure.child();
        List<String> parameters = definition.parameters();
        List<Object> positional = arguments.positional();
        Map<String, Object> keyword = new LinkedHashMap<>(arguments.keyword());
        if (positional.size() > parameters.size() && !definition.usesVarargs()) {
            throw new TemplateRuntimeException("macro '" + name() + "' takes not more than " + parameters.size()
                    + " argument(s)");
        }
        for (int i = 0; i < parameters.size(); i++) {
            String parameter = parameters.get(i);
            if (i < positional.size()) {
                if (keyword.containsKey(parameter)) {
                    throw new TemplateRuntimeException("macro '" + name() + "' got multiple values for argument '"
                            + parameter + "'");
                }
                scope.set(parameter, positional.get(i));
            } else if (keyword.containsKey(parameter)) {
                scope.set(parameter, keyword.remove(parameter));
            } else if (definition.defaults().get(i) != null) {
                // Defaults are evaluated at call time in the macro's scope, so they may use earlier parameters.
                scope.set(parameter, renderer.evaluator().evaluate(definition.defaults().get(i), scope));
            } else {
                scope.set(parameter, Undefined.because("parameter '" + parameter + "' was not provided"));
            }
        }
        Object caller = keyword.remove("caller");
        if (caller != null) {
            if (!definition.usesCaller()) {
                throw new TemplateRuntimeException("macro '" + name() + "' was invoked with a caller but does not use it");
            }
            scope.set("caller", caller);
        }
        if (!keyword.isEmpty() && !definition.usesKwargs()) {
            throw new TemplateRuntimeException("macro '" + name() + "' takes no keyword argument '"
                    + keyword.keySet().iterator().next() + "'");
        }
        if (definition.usesVarargs()) {
            List<Object> extra = positional.size() > parameters.size()
                    ? new ArrayList<>(positional.subList(parameters.size(), positional.size())) : List.of();
            scope.set("varargs", new PyTuple(extra));
        }
        if (definition.usesKwargs()) {
            scope.set("kwargs", java.util.Collections.unmodifiableMap(new LinkedHashMap<Object, Object>(keyword)));
        }
        return renderer.renderToString(definition.body(), scope);
    }
}
