package dev.gannet.prompts.jinja;

import java.util.List;
import java.util.Map;

/** Expression nodes of the parsed template; {@link Evaluator} gives them values. */
sealed interface Expr {
    int line();

    record Literal(Object value, int line) implements Expr {
    }

    record Name(String name, int line) implements Expr {
    }

    record ListLiteral(List<Expr> items, int line) implements Expr {
    }

    record TupleLiteral(List<Expr> items, int line) implements Expr {
    }

    record DictLiteral(List<Expr> keys, List<Expr> values, int line) implements Expr {
    }

    /** {@code target.name}: Python attribute first, then item. */
    record Attribute(Expr target, String name, int line) implements Expr {
    }

    /** {@code target[key]}: item first, then Python attribute. */
    record Item(Expr target, Expr key, int line) implements Expr {
    }

    /** The key of {@code target[start:stop:step]}; any part may be null. */
    record SliceKey(Expr start, Expr stop, Expr step, int line) implements Expr {
    }

    /** Call arguments as written: positional, then keyword ones in order. */
    record CallArguments(List<Expr> positional, Map<String, Expr> keyword) {
        static final CallArguments NONE = new CallArguments(List.of(), Map.of());
    }

    record Call(Expr callee, CallArguments arguments, int line) implements Expr {
    }

    /** {@code target | name(arguments)}. */
    record Filter(Expr target, String name, CallArguments arguments, int line) implements Expr {
    }

    /** {@code target is name(arguments)}; {@code is not} is a {@link Not} around it. */
    record Test(Expr target, String name, CallArguments arguments, int line) implements Expr {
    }

    record Not(Expr operand, int line) implements Expr {
    }

    /** Unary {@code -} or {@code +}. */
    record Unary(String operator, Expr operand, int line) implements Expr {
    }

    /** Arithmetic and {@code ~} concatenation. */
    record Binary(String operator, Expr left, Expr right, int line) implements Expr {
    }

    record And(Expr left, Expr right, int line) implements Expr {
    }

    record Or(Expr left, Expr right, int line) implements Expr {
    }

    /** A comparison chain: {@code a < b <= c} means {@code a < b and b <= c}, each operand evaluated once. */
    record Compare(Expr first, List<String> operators, List<Expr> operands, int line) implements Expr {
    }

    /** {@code then if condition else otherwise}; without else the value is Undefined. */
    record Conditional(Expr condition, Expr then, Expr otherwise, int line) implements Expr {
    }
}
