package dev.gannet.prompts.jinja;

import java.util.List;

/** Statement nodes of the parsed template; {@link Renderer} executes them. */
sealed interface Node {
    record Text(String text) implements Node {
    }

    /** {@code {{ expression }}}. */
    record Output(Expr expression, int line) implements Node {
    }

    /** if / elif / else: the first branch whose condition holds, else {@code otherwise}. */
    record If(List<Expr> conditions, List<List<Node>> branches, List<Node> otherwise, int line) implements Node {
    }

    /** {@code for target in iterable [if filter]} with an optional else for an empty loop. */
    record For(Target target, Expr iterable, Expr filter, List<Node> body, List<Node> otherwise, int line) implements Node {
    }

    /** {@code set target = value}. */
    record Set(Target target, Expr value, int line) implements Node {
    }

    /** {@code set target [| filters]}…{@code endset}: the rendered body, filtered, assigned. */
    record SetBlock(Target target, List<FilterCall> filters, List<Node> body, int line) implements Node {
    }

    /** A macro definition; {@code usesCaller}/{@code usesVarargs}/{@code usesKwargs} say what its body reads. */
    record Macro(String name, List<String> parameters, List<Expr> defaults, List<Node> body,
                 boolean usesCaller, boolean usesVarargs, boolean usesKwargs, int line) implements Node {
    }

    /** {@code call(parameters) macro(...)}…{@code endcall}: the body becomes {@code caller} for the macro. */
    record CallBlock(Expr.Call call, Macro caller, int line) implements Node {
    }

    /** {@code filter name}…{@code endfilter}: the rendered body, filtered. */
    record FilterBlock(List<FilterCall> filters, List<Node> body, int line) implements Node {
    }

    /** A body rendered in place (the {@code generation} tag Hugging Face uses to mark assistant text). */
    record Block(List<Node> body) implements Node {
    }

    record Break(int line) implements Node {
    }

    record Continue(int line) implements Node {
    }

    /** One filter of a chain applied to a block's output. */
    record FilterCall(String name, Expr.CallArguments arguments, int line) {
    }
}
