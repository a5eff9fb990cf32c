package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Executes statements, writing output. A for loop gives each iteration a fresh scope inside the
 * enclosing one; macros render into their own buffer. Failures are attributed to the innermost
 * statement's line.
 */
final class Renderer {
    /** How a statement list ended: normally, or by {@code break} / {@code continue} inside a loop. */
    enum Flow { NORMAL, BREAK, CONTINUE }

    private final Evaluator evaluator = new Evaluator();

    Evaluator evaluator() {
        return evaluator;
    }

    String renderToString(List<Node> body, Scope scope) {
        StringBuilder out = new StringBuilder();
        render(body, scope, out);
        return out.toString();
    }

    Flow render(List<Node> nodes, Scope scope, StringBuilder out) {
        for (Node node : nodes) {
            Flow flow = execute(node, scope, out);
            if (flow != Flow.NORMAL) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow execute(Node node, Scope scope, StringBuilder out) {
        try {
            return switch (node) {
                case Node.Text text -> {
                    out.append(text.text());
                    yield Flow.NORMAL;
                }
                case Node.Output output -> {
                    out.append(PyValues.str(evaluator.evaluate(output.expression(), scope)));
                    yield Flow.NORMAL;
                }
                case Node.If branch -> ifStatement(branch, scope, out);
                case Node.For loop -> forLoop(loop, scope, out);
                case Node.Set set -> {
                    assign(set.target(), evaluator.evaluate(set.value(), scope), scope);
                    yield Flow.NORMAL;
                }
                case Node.SetBlock set -> {
                    Object value = renderToString(set.body(), scope.child());
                    assign(set.target(), applyFilters(set.filters(), value, scope), scope);
                    yield Flow.NORMAL;
                }
                case Node.Macro macro -> {
                    scope.set(macro.name(), new Macro(macro, scope, this));
                    yield Flow.NORMAL;
                }
                case Node.CallBlock call -> {
                    Macro caller = new Macro(call.caller(), scope, this);
                    Object callee = evaluator.evaluate(call.call().callee(), scope);
                    Arguments arguments = evaluator.arguments(call.call().arguments(), scope);
                    LinkedHashMap<String, Object> keyword = new LinkedHashMap<>(arguments.keyword());
                    keyword.put("caller", caller);
                    out.append(PyValues.str(Evaluator.call(callee, new Arguments(arguments.positional(), keyword))));
                    yield Flow.NORMAL;
                }
                case Node.FilterBlock filter -> {
                    String body = renderToString(filter.body(), scope.child());
                    out.append(PyValues.str(applyFilters(filter.filters(), body, scope)));
                    yield Flow.NORMAL;
                }
                case Node.Block block -> render(block.body(), scope, out);
                case Node.Break b -> Flow.BREAK;
                case Node.Continue c -> Flow.CONTINUE;
            };
        } catch (TemplateException e) {
            throw e.atLine(lineOf(node));
        }
    }

    private static int lineOf(Node node) {
        return switch (node) {
            case Node.Output n -> n.line();
            case Node.If n -> n.line();
            case Node.For n -> n.line();
            case Node.Set n -> n.line();
            case Node.SetBlock n -> n.line();
            case Node.Macro n -> n.line();
            case Node.CallBlock n -> n.line();
            case Node.FilterBlock n -> n.line();
            case Node.Break n -> n.line();
            case Node.Continue n -> n.line();
            case Node.Text n -> 0;
            case Node.Block n -> 0;
        };
    }

    private Flow ifStatement(Node.If branch, Scope scope, StringBuilder out) {
        for (int i = 0; i < branch.conditions().size(); i++) {
            if (PyValues.truthy(evaluator.evaluate(branch.conditions().get(i), scope))) {
                return render(branch.branches().get(i), scope, out);
            }
        }
        return render(branch.otherwise(), scope, out);
    }

    private Flow forLoop(Node.For loop, Scope scope, StringBuilder out) {
        Object iterable = evaluator.evaluate(loop.iterable(), scope);
        List<Object> items = Sequences.iterate(iterable);
        if (loop.filter() != null) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                Scope test = scope.child();
                assign(loop.target(), item, test);
                if (PyValues.truthy(evaluator.evaluate(loop.filter(), test))) {
                    kept.add(item);
                }
            }
            items = kept;
        }
        if (items.isEmpty()) {
            return render(loop.otherwise(), scope, out);
        }
        LoopContext context = new LoopContext(items);
        for (int i = 0; i < items.size(); i++) {
            Scope iteration = scope.child();
            context.moveTo(i);
            iteration.set("loop", context);
            assign(loop.target(), items.get(i), iteration);
            if (render(loop.body(), iteration, out) == Flow.BREAK) {
                break;
            }
        }
        return Flow.NORMAL;
    }

    private void assign(Target target, Object value, Scope scope) {
        switch (target) {
            case Target.Name name -> scope.set(name.name(), value);
            case Target.Tuple tuple -> {
                List<Object> values = Sequences.iterate(value);
                if (values.size() != tuple.items().size()) {
                    throw new TemplateRuntimeException(values.size() > tuple.items().size()
                            ? "too many values to unpack (expected " + tuple.items().size() + ")"
                            : "not enough values to unpack (expected " + tuple.items().size() + ", got " + values.size() + ")");
                }
                for (int i = 0; i < values.size(); i++) {
                    assign(tuple.items().get(i), values.get(i), scope);
                }
            }
            case Target.NamespaceAttribute attribute -> {
                Object namespace = scope.lookup(attribute.namespace());
                if (!(namespace instanceof Namespace ns)) {
                    throw new TemplateRuntimeException("cannot assign attribute on non-namespace object");
                }
                ns.set(attribute.attribute(), value);
            }
        }
    }

    private Object applyFilters(List<Node.FilterCall> filters, Object value, Scope scope) {
        Object current = value;
        for (Node.FilterCall filter : filters) {
            current = Filters.apply(filter.name(), current, evaluator.arguments(filter.arguments(), scope));
        }
        return current;
    }
}
