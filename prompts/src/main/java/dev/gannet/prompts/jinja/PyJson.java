package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps}, byte for byte: separators {@code ", "} and {@code ": "} (or
 * {@code ","} between items when indenting), float repr, NaN and Infinity, optional ASCII escaping,
 * keys in insertion order unless sorted. This is what Hugging Face's {@code tojson} filter calls.
 */
public final class PyJson {
    /** How to lay the text out: the keyword arguments of {@code json.dumps} that templates pass. */
    public record Options(boolean ensureAscii, String indent, String itemSeparator, String keySeparator, boolean sortKeys) {
        /** Hugging Face's defaults: no ASCII escaping, one line, insertion order. */
        public static final Options HUGGING_FACE = new Options(false, null, ", ", ": ", false);
    }

    private PyJson() {
    }

    /**
     * {@code json.dumps} of a plain Java value (maps, lists, strings, boxed numbers, booleans, null,
     * Jackson trees), laid out as {@code options} say.
     */
    public static String dumps(Object value, Options options) {
        return dumpsTemplateValue(JavaValues.toTemplate(value), options);
    }

    static String dumpsTemplateValue(Object value, Options options) {
        StringBuilder out = new StringBuilder();
        write(out, value, options, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, Options options, int depth) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case Long l -> out.append(l);
            case Double d -> out.append(number(d));
            case String s -> string(out, s, options.ensureAscii());
            case Markup m -> string(out, m.text(), options.ensureAscii());
            case List<?> list -> array(out, list, options, depth);
            case PyTuple tuple -> array(out, tuple.items(), options, depth);
            case Map<?, ?> map -> object(out, map, options, depth);
            default -> throw new TemplateRuntimeException("Object of type " + PyValues.typeName(value)
                    + " is not JSON serializable");
        }
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PyFloats.repr(d);
    }

    private static void array(StringBuilder out, List<?> items, Options options, int depth) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(options.itemSeparator());
            }
            newline(out, options, depth + 1);
            write(out, items.get(i), options, depth + 1);
        }
        newline(out, options, depth);
        out.append(']');
    }

    private static void object(StringBuilder out, Map<?, ?> map, Options options, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            entries.add(Map.entry(key(entry.getKey()), entry.getValue() == null ? NULL : entry.getValue()));
        }
        if (options.sortKeys()) {
            entries.sort((a, b) -> PyOperators.compareText(a.getKey(), b.getKey()));
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : entries) {
            if (!first) {
                out.append(options.itemSeparator());
            }
            first = false;
            newline(out, options, depth + 1);
            string(out, entry.getKey(), options.ensureAscii());
            out.append(options.keySeparator());
            write(out, entry.getValue() == NULL ? null : entry.getValue(), options, depth + 1);
        }
        newline(out, options, depth);
        out.append('}');
    }

    private static final Object NULL = new Object();

    private static String key(Object key) {
        return switch (key) {
            case String s -> s;
            case Markup m -> m.text();
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case Long l -> l.toString();
            case Double d -> number(d);
            default -> throw new TemplateRuntimeException("keys must be str, int, float, bool or None, not "
                    + PyValues.typeName(key));
        };
    }

    private static void newline(StringBuilder out, Options options, int depth) {
        if (options.indent() != null) {
            out.append('\n').append(options.indent().repeat(depth));
        }
    }

    private static void string(StringBuilder out, String s, boolean ensureAscii) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Java chars are UTF-16 units, so characters past U+FFFF come out as the
                    // surrogate pairs Python writes for them.
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
