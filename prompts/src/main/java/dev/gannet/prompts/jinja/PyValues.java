package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What Python says about a template value: its type name, its truth, {@code str()} and
 * {@code repr()}. Values are Java objects standing for Python ones: {@code null} is None,
 * {@link Long} int, {@link Double} float, {@link Boolean} bool, {@link String} str, {@link List}
 * list, {@link PyTuple} tuple, {@link Map} dict (insertion order), plus the template's own kinds.
 */
final class PyValues {
    private PyValues() {
    }

    static String typeName(Object value) {
        return switch (value) {
            case null -> "NoneType";
            case String s -> "str";
            case Markup m -> "Markup";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Double d -> "float";
            case List<?> l -> "list";
            case PyTuple t -> "tuple";
            case Map<?, ?> m -> "dict";
            case Undefined u -> "Undefined";
            case Namespace n -> "Namespace";
            case Macro m -> "Macro";
            case LoopContext l -> "LoopContext";
            case PyMethod m -> "builtin_function_or_method";
            case PyGenerator g -> "generator";
            default -> "function";
        };
    }

    static boolean isString(Object value) {
        return value instanceof String || value instanceof Markup;
    }

    /** The text of a str or Markup; callers check {@link #isString} first. */
    static String text(Object value) {
        return value instanceof Markup markup ? markup.text() : (String) value;
    }

    /** Python truth: None, False, zero, empty strings and containers and Undefined are false. */
    static boolean truthy(Object value) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            case Long l -> l != 0;
            case Double d -> d != 0;
            case String s -> !s.isEmpty();
            case Markup m -> !m.text().isEmpty();
            case List<?> l -> !l.isEmpty();
            case PyTuple t -> !t.items().isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case Undefined u -> false;
            default -> true;
        };
    }

    /** Python's {@code str()}, which is also what printing a value in a template writes. */
    static String str(Object value) {
        return switch (value) {
            case String s -> s;
            case Markup m -> m.text();
            case Undefined u -> "";
            case null, default -> repr(value);
        };
    }

    /** Python's {@code repr()}, as lists and dicts print their elements. */
    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("None");
            case Boolean b -> out.append(b ? "True" : "False");
            case Long l -> out.append(l);
            case Double d -> out.append(PyFloats.repr(d));
            case String s -> out.append(PyStrings.repr(s));
            case Markup m -> out.append("Markup(").append(PyStrings.repr(m.text())).append(')');
            case List<?> list -> appendItems(out, "[", list, "]");
            case PyTuple tuple -> appendItems(out, "(", tuple.items(), tuple.items().size() == 1 ? ",)" : ")");
            case Map<?, ?> map -> appendMap(out, map);
            case Undefined u -> out.append("Undefined");
            case Namespace ns -> {
                out.append("<Namespace ");
                appendMap(out, ns.attributes());
                out.append('>');
            }
            case Macro macro -> out.append("<Macro '").append(macro.name()).append("'>");
            case LoopContext loop -> out.append("<LoopContext ").append(loop.index()).append('/').append(loop.length()).append('>');
            case PyMethod method -> out.append("<built-in method ").append(method.name()).append(" of ")
                    .append(typeName(method.receiver())).append(" object>");
            case PyGenerator generator -> out.append("<generator object>");
            default -> out.append("<function>");
        }
    }

    private static void appendItems(StringBuilder out, String open, List<?> items, String close) {
        out.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            appendRepr(out, items.get(i));
        }
        out.append(close);
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            appendRepr(out, entry.getKey());
            out.append(": ");
            appendRepr(out, entry.getValue());
        }
        out.append('}');
    }

    /** An unmodifiable copy that, unlike {@code List.copyOf}, may hold None. */
    static List<Object> immutableList(List<?> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }
}
