package dev.gannet.prompts.jinja;

import java.util.List;

/**
 * Refuses unknown filters and tests when the template is parsed, as jinja2 does when it compiles one:
 * except inside an {@code if} statement or a conditional expression, where jinja2 lets the name fail only
 * if that code runs. Loop, macro and block bodies are checked strictly again, as jinja2 gives them a frame
 * of their own.
 */
final class NameCheck {
    private NameCheck() {
    }

    static void verify(List<Node> body) {
        nodes(body, false);
    }

    private static void nodes(List<Node> body, boolean soft) {
        for (Node node : body) {
            node(node, soft);
        }
    }

    private static void node(Node node, boolean soft) {
        switch (node) {
            case Node.Text text -> {
            }
            case Node.Output output -> expression(output.expression(), soft);
            case Node.If branch -> {
                branch.conditions().forEach(condition -> expression(condition, true));
                branch.branches().forEach(body -> nodes(body, true));
                nodes(branch.otherwise(), true);
            }
            case Node.For loop -> {
                expression(loop.iterable(), soft);
                if (loop.filter() != null) {
                    expression(loop.filter(), false);
                }
                nodes(loop.body(), false);
                nodes(loop.otherwise(), false);
            }
            case Node.Set set -> expression(set.value(), soft);
            case Node.SetBlock set -> {
                set.filters().forEach(filter -> filter(filter.name(), filter.arguments(), filter.line(), soft));
                nodes(set.body(), false);
            }
            case Node.Macro macro -> macro(macro);
            case Node.CallBlock call -> {
                expression(call.call(), soft);
                macro(call.caller());
            }
            case Node.FilterBlock filter -> {
                filter.filters().forEach(f -> filter(f.name(), f.arguments(), f.line(), soft));
                nodes(filter.body(), false);
            }
            case Node.Block block -> nodes(block.body(), false);
            case Node.Break b -> {
            }
            case Node.Continue c -> {
            }
        }
    }

    private static void macro(Node.Macro macro) {
        macro.defaults().stream().filter(java.util.Objects::nonNull).forEach(d -> expression(d, false));
        nodes(macro.body(), false);
    }

    private static void filter(String name, Expr.CallArguments arguments, int line, boolean soft) {
        if (!soft && !Filters.exists(name)) {
            throw new TemplateSyntaxException("no filter named '" + name + "'", line);
        }
        arguments(arguments, soft);
    }

    private static void arguments(Expr.CallArguments arguments, boolean soft) {
        arguments.positional().forEach(a -> expression(a, soft));
        arguments.keyword().values().forEach(a -> expression(a, soft));
    }

    private static void expression(Expr expression, boolean soft) {
        switch (expression) {
            case Expr.Literal literal -> {
            }
            case Expr.Name name -> {
            }
            case Expr.ListLiteral list -> list.items().forEach(e -> expression(e, soft));
            case Expr.TupleLiteral tuple -> tuple.items().forEach(e -> expression(e, soft));
            case Expr.DictLiteral dict -> {
                dict.keys().forEach(e -> expression(e, soft));
                dict.values().forEach(e -> expression(e, soft));
            }
            case Expr.Attribute attribute -> expression(attribute.target(), soft);
            case Expr.Item item -> {
                expression(item.target(), soft);
                expression(item.key(), soft);
            }
            case Expr.SliceKey slice -> {
                for (Expr part : java.util.Arrays.asList(slice.start(), slice.stop(), slice.step())) {
                    if (part != null) {
                        expression(part, soft);
                    }
                }
            }
            case Expr.Call call -> {
                expression(call.callee(), soft);
                arguments(call.arguments(), soft);
            }
            case Expr.Filter filter -> {
                expression(filter.target(), soft);
                filter(filter.name(), filter.arguments(), filter.line(), soft);
            }
            case Expr.Test test -> {
                if (!soft && !Tests.exists(test.name())) {
                    throw new TemplateSyntaxException("no test named '" + test.name() + "'", test.line());
                }
                expression(test.target(), soft);
                arguments(test.arguments(), soft);
            }
            case Expr.Not not -> expression(not.operand(), soft);
            case Expr.Unary unary -> expression(unary.operand(), soft);
            case Expr.Binary binary -> {
                expression(binary.left(), soft);
                expression(binary.right(), soft);
            }
            case Expr.And and -> {
                expression(and.left(), soft);
                expression(and.right(), soft);
            }
            case Expr.Or or -> {
                expression(or.left(), soft);
                expression(or.right(), soft);
            }
            case Expr.Compare compare -> {
                expression(compare.first(), soft);
                compare.operands().forEach(e -> expression(e, soft));
            }
            case Expr.Conditional conditional -> {
                expression(conditional.condition(), true);
                expression(conditional.then(), true);
                if (conditional.otherwise() != null) {
                    expression(conditional.otherwise(), true);
                }
            }
        }
    }
}
