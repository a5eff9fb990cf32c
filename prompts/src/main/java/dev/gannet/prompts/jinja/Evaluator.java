package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gives expressions their values in a scope, with Python's semantics (see {@link PyOperators}). */
final class Evaluator {

    Object evaluate(Expr expression, Scope scope) {
        return switch (expression) {
            case Expr.Literal literal -> literal.value();
            case Expr.Name name -> scope.lookup(name.name());
            case Expr.ListLiteral list -> PyValues.immutableList(evaluateAll(list.items(), scope));
            case Expr.TupleLiteral tuple -> new PyTuple(evaluateAll(tuple.items(), scope));
            case Expr.DictLiteral dict -> dict(dict, scope);
            case Expr.Attribute attribute -> Attributes.attribute(evaluate(attribute.target(), scope), attribute.name());
            case Expr.Item item -> item(item, scope);
            case Expr.SliceKey slice -> throw new TemplateRuntimeException("a slice is only allowed inside []");
            case Expr.Call call -> call(evaluate(call.callee(), scope), arguments(call.arguments(), scope));
            case Expr.Filter filter -> Filters.apply(filter.name(), evaluate(filter.target(), scope),
                    arguments(filter.arguments(), scope));
            case Expr.Test test -> Tests.apply(test.name(), evaluate(test.target(), scope), arguments(test.arguments(), scope));
            case Expr.Not not -> !PyValues.truthy(evaluate(not.operand(), scope));
            case Expr.Unary unary -> unary.operator().equals("-")
                    ? PyOperators.negate(evaluate(unary.operand(), scope))
                    : PyOperators.plus(evaluate(unary.operand(), scope));
            case Expr.Binary binary -> binary(binary, scope);
            case Expr.And and -> {
                Object left = evaluate(and.left(), scope);
                yield PyValues.truthy(left) ? evaluate(and.right(), scope) : left;
            }
            case Expr.Or or -> {
                Object left = evaluate(or.left(), scope);
                yield PyValues.truthy(left) ? left : evaluate(or.right(), scope);
            }
            case Expr.Compare compare -> compare(compare, scope);
            case Expr.Conditional conditional -> {
                if (PyValues.truthy(evaluate(conditional.condition(), scope))) {
                    yield evaluate(conditional.then(), scope);
                }
                yield conditional.otherwise() != null ? evaluate(conditional.otherwise(), scope)
                        : Undefined.because("the inline if-expression on line " + conditional.line()
                        + " evaluated to false and no else section was defined.");
            }
        };
    }

    private List<Object> evaluateAll(List<Expr> expressions, Scope scope) {
        List<Object> values = new ArrayList<>(expressions.size());
        for (Expr expression : expressions) {
            values.add(evaluate(expression, scope));
        }
        return values;
    }

    private Object dict(Expr.DictLiteral dict, Scope scope) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < dict.keys().size(); i++) {
            Object key = evaluate(dict.keys().get(i), scope);
            if (key instanceof List<?> || key instanceof Map<?, ?> || key instanceof Namespace) {
                throw new TemplateRuntimeException("unhashable type: '" + PyValues.typeName(key) + "'");
            }
            // Python keeps the first of two equal keys (1 and 1.0) and the last value.
            Object equalKey = key;
            Object kept = map.keySet().stream().filter(k -> PyOperators.equal(k, equalKey)).findFirst().orElse(key);
            map.put(kept, evaluate(dict.values().get(i), scope));
        }
        return Collections.unmodifiableMap(map);
    }

    private Object item(Expr.Item item, Scope scope) {
        Object target = evaluate(item.target(), scope);
        if (item.key() instanceof Expr.SliceKey slice) {
            if (target instanceof Undefined undefined) {
                throw undefined.failure();
            }
            return Sequences.slice(target, optional(slice.start(), scope), optional(slice.stop(), scope),
                    optional(slice.step(), scope));
        }
        return Attributes.item(target, evaluate(item.key(), scope));
    }

    private Object optional(Expr expression, Scope scope) {
        return expression == null ? null : evaluate(expression, scope);
    }

    Arguments arguments(Expr.CallArguments arguments, Scope scope) {
        Map<String, Object> keyword = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> entry : arguments.keyword().entrySet()) {
            keyword.put(entry.getKey(), evaluate(entry.getValue(), scope));
        }
        return new Arguments(evaluateAll(arguments.positional(), scope), keyword);
    }

    static Object call(Object callee, Arguments arguments) {
        if (callee instanceof JinjaCallable callable) {
            return callable.call(arguments);
        }
        if (callee instanceof Undefined undefined) {
            throw undefined.failure();
        }
        throw new TemplateRuntimeException("'" + PyValues.typeName(callee) + "' object is not callable");
    }

    private Object binary(Expr.Binary binary, Scope scope) {
        Object left = evaluate(binary.left(), scope);
        Object right = evaluate(binary.right(), scope);
        return switch (binary.operator()) {
            case "+" -> PyOperators.add(left, right);
            case "-" -> PyOperators.subtract(left, right);
            case "*" -> PyOperators.multiply(left, right);
            case "/" -> PyOperators.divide(left, right);
            case "//" -> PyOperators.floorDivide(left, right);
            case "%" -> PyOperators.modulo(left, right);
            case "**" -> PyOperators.power(left, right);
            case "~" -> PyValues.str(left) + PyValues.str(right);
            default -> throw new TemplateRuntimeException("unknown operator " + binary.operator());
        };
    }

    private Object compare(Expr.Compare compare, Scope scope) {
        Object left = evaluate(compare.first(), scope);
        for (int i = 0; i < compare.operators().size(); i++) {
            Object right = evaluate(compare.operands().get(i), scope);
            String operator = compare.operators().get(i);
            // NaN is unordered: every ordering comparison with it is false, as in Python.
            boolean unordered = PyOperators.isNaN(left) || PyOperators.isNaN(right);
            boolean holds = switch (operator) {
                case "==" -> PyOperators.equal(left, right);
                case "!=" -> !PyOperators.equal(left, right);
                case "<" -> !unordered && PyOperators.compare(left, right, operator) < 0;
                case "<=" -> !unordered && PyOperators.compare(left, right, operator) <= 0;
                case ">" -> !unordered && PyOperators.compare(left, right, operator) > 0;
                case ">=" -> !unordered && PyOperators.compare(left, right, operator) >= 0;
                case "in" -> PyOperators.contains(right, left);
                case "not in" -> !PyOperators.contains(right, left);
                default -> throw new TemplateRuntimeException("unknown comparison " + operator);
            };
            if (!holds) {
                return false;
            }
            left = right;
        }
        return true;
    }
}
