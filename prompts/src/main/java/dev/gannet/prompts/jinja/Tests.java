package dev.gannet.prompts.jinja;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** jinja2's tests ({@code x is defined}, {@code x is equalto 3}, …) with Python's notion of each type. */
final class Tests {
    private static final Set<String> NAMES = Set.of(
            "boolean", "callable", "defined", "divisibleby", "eq", "equalto", "==", "escaped", "even", "false",
            "filter", "float", "ge", ">=", "gt", ">", "greaterthan", "in", "integer", "iterable", "le", "<=",
            "lessthan", "lower", "lt", "<", "mapping", "ne", "!=", "none", "number", "odd", "sameas", "sequence",
            "string", "test", "true", "undefined", "upper");

    private Tests() {
    }

    static boolean exists(String name) {
        return NAMES.contains(name);
    }

    static boolean apply(String name, Object value, Arguments arguments) {
        return switch (name) {
            case "defined" -> !(value instanceof Undefined);
            case "undefined" -> value instanceof Undefined;
            case "none" -> value == null;
            case "boolean" -> value instanceof Boolean;
            case "true" -> Boolean.TRUE.equals(value);
            case "false" -> Boolean.FALSE.equals(value);
            case "integer" -> value instanceof Long;
            case "float" -> value instanceof Double;
            case "number" -> PyOperators.isNumber(value);
            case "string" -> PyValues.isString(value);
            case "mapping" -> value instanceof Map<?, ?>;
            case "iterable" -> Sequences.isIterable(value);
            // Python's check: the value has a length and items (a dict passes, as in jinja2).
            case "sequence" -> value instanceof List<?> || value instanceof PyTuple || value instanceof Map<?, ?>
                    || PyValues.isString(value) || value instanceof Undefined;
            case "callable" -> value instanceof JinjaCallable;
            case "escaped" -> value instanceof Markup;
            case "odd" -> integer(value, name) % 2 != 0;
            case "even" -> integer(value, name) % 2 == 0;
            case "divisibleby" -> integer(value, name) % integer(argument(arguments, name), name) == 0;
            case "lower" -> {
                String text = PyValues.str(value);
                yield text.codePoints().anyMatch(PyStrings::isCased) && text.equals(PyStrings.lower(text));
            }
            case "upper" -> {
                String text = PyValues.str(value);
                yield text.codePoints().anyMatch(PyStrings::isCased) && text.equals(PyStrings.upper(text));
            }
            case "eq", "equalto", "==" -> PyOperators.equal(value, argument(arguments, name));
            case "ne", "!=" -> !PyOperators.equal(value, argument(arguments, name));
            case "lt", "<", "lessthan" -> PyOperators.compare(value, argument(arguments, name), "<") < 0;
            case "le", "<=" -> PyOperators.compare(value, argument(arguments, name), "<=") <= 0;
            case "gt", ">", "greaterthan" -> PyOperators.compare(value, argument(arguments, name), ">") > 0;
            case "ge", ">=" -> PyOperators.compare(value, argument(arguments, name), ">=") >= 0;
            case "in" -> PyOperators.contains(argument(arguments, name), value);
            case "sameas" -> sameAs(value, argument(arguments, name));
            case "filter" -> PyValues.isString(value) && Filters.exists(PyValues.text(value));
            case "test" -> PyValues.isString(value) && exists(PyValues.text(value));
            default -> throw new TemplateRuntimeException("no test named '" + name + "'");
        };
    }

    private static Object argument(Arguments arguments, String test) {
        List<Object> positional = arguments.positional();
        if (positional.size() != 1 || !arguments.keyword().isEmpty()) {
            throw new TemplateRuntimeException("test '" + test + "' takes one argument");
        }
        return positional.getFirst();
    }

    private static long integer(Object value, String test) {
        if (value instanceof Long || value instanceof Boolean) {
            return PyOperators.asLong(value);
        }
        if (value instanceof Undefined u) {
            throw u.failure();
        }
        throw new TemplateRuntimeException("test '" + test + "' needs an integer, not " + PyValues.typeName(value));
    }

    /** Python's {@code is}: None and the booleans are singletons; other values compare by identity. */
    private static boolean sameAs(Object value, Object other) {
        if (value == null || other == null || value instanceof Boolean || other instanceof Boolean) {
            return value == null ? other == null : value.equals(other);
        }
        return value == other;
    }
}
