package dev.gannet.prompts.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * jinja2's filters that chat templates use, with jinja2's argument names and defaults, and Hugging
 * Face's {@code tojson} (Python's {@code json.dumps} with {@code ensure_ascii=False}, keys unsorted).
 */
final class Filters {
    private static final Set<String> NAMES = Set.of(
            "abs", "attr", "capitalize", "center", "count", "d", "default", "dictsort", "e", "escape", "first",
            "float", "format", "indent", "int", "items", "join", "last", "length", "list", "lower", "map", "max",
            "min", "reject", "rejectattr", "replace", "reverse", "round", "safe", "select", "selectattr", "sort",
            "string", "sum", "title", "tojson", "trim", "unique", "upper", "wordcount");

    private Filters() {
    }

    static boolean exists(String name) {
        return NAMES.contains(name);
    }

    static Object apply(String name, Object value, Arguments arguments) {
        return switch (name) {
            case "abs" -> abs(value, arguments);
            case "attr" -> Attributes.attribute(value, text(bind(name, arguments, "name")[0]));
            case "capitalize" -> softText(value, PyStrings::capitalize, arguments, name);
            case "lower" -> softText(value, PyStrings::lower, arguments, name);
            case "upper" -> softText(value, PyStrings::upper, arguments, name);
            case "title" -> softText(value, Filters::titleWords, arguments, name);
            case "trim" -> {
                Object[] a = bind(name, arguments, "chars", null);
                yield softText(value, s -> PyStrings.strip(s, a[0] == null ? null : text(a[0]), true, true), Arguments.NONE, name);
            }
            case "center" -> {
                Object[] a = bind(name, arguments, "width", 80L);
                yield Methods.call(PyValues.str(value), "center", Arguments.of(a[0]));
            }
            case "length", "count" -> {
                bind(name, arguments);
                yield Sequences.length(value);
            }
            case "d", "default" -> {
                Object[] a = bind(name, arguments, "default_value", "", "boolean", false);
                boolean replace = value instanceof Undefined || (PyValues.truthy(a[1]) && !PyValues.truthy(value));
                yield replace ? a[0] : value;
            }
            case "dictsort" -> dictSort(value, bind(name, arguments, "case_sensitive", false, "by", "key", "reverse", false));
            case "e", "escape" -> {
                bind(name, arguments);
                yield Markup.escaped(value);
            }
            case "safe" -> {
                bind(name, arguments);
                yield value instanceof Markup ? value : new Markup(PyValues.str(value));
            }
            case "string" -> {
                bind(name, arguments);
                yield value instanceof Markup ? value : PyValues.str(value);
            }
            case "first" -> {
                bind(name, arguments);
                List<Object> items = Sequences.iterate(value);
                yield items.isEmpty() ? Undefined.because("No first item, sequence was empty.") : items.getFirst();
            }
            case "last" -> {
                bind(name, arguments);
                if (value instanceof PyGenerator) {
                    throw new TemplateRuntimeException("'generator' object is not reversible");
                }
                List<Object> items = Sequences.iterate(value);
                yield items.isEmpty() ? Undefined.because("No last item, sequence was empty.") : items.getLast();
            }
            case "float" -> toFloat(value, bind(name, arguments, "default", 0.0)[0]);
            case "int" -> {
                Object[] a = bind(name, arguments, "default", 0L, "base", 10L);
                yield toInt(value, a[0], a[1]);
            }
            case "format" -> PyFormat.percent(PyValues.str(value),
                    arguments.keyword().isEmpty() ? new PyTuple(arguments.positional())
                            : new LinkedHashMap<Object, Object>(arguments.keyword()));
            case "indent" -> {
                Object[] a = bind(name, arguments, "width", 4L, "first", false, "blank", false);
                yield indent(value, a[0], PyValues.truthy(a[1]), PyValues.truthy(a[2]));
            }
            case "items" -> {
                bind(name, arguments);
                yield items(value);
            }
            case "join" -> {
                Object[] a = bind(name, arguments, "d", "", "attribute", null);
                List<Object> values = Sequences.iterate(value);
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(PyValues.str(a[0]));
                    }
                    Object item = a[1] == null ? values.get(i) : attributePath(values.get(i), a[1]);
                    out.append(PyValues.str(item));
                }
                yield out.toString();
            }
            case "list" -> {
                bind(name, arguments);
                yield PyValues.immutableList(Sequences.iterate(value));
            }
            // jinja2 maps and selects nothing at all when the value is false (None, empty, Undefined).
            case "map" -> PyValues.truthy(value) ? map(value, arguments) : new PyGenerator(List.of());
            case "select", "reject" -> PyValues.truthy(value)
                    ? selectOrReject(value, arguments, name.equals("select"), false) : new PyGenerator(List.of());
            case "selectattr", "rejectattr" -> PyValues.truthy(value)
                    ? selectOrReject(value, arguments, name.equals("selectattr"), true) : new PyGenerator(List.of());
            case "max", "min" -> extreme(value, bind(name, arguments, "case_sensitive", false, "attribute", null), name.equals("max"));
            case "replace" -> {
                Object[] a = bind(name, arguments, "old", Arguments.NO_DEFAULT, "new", Arguments.NO_DEFAULT, "count", null);
                long count = a[2] == null ? -1 : PyOperators.asLong(a[2]);
                yield PyStrings.replace(PyValues.str(value), PyValues.str(a[0]), PyValues.str(a[1]), count);
            }
            case "reverse" -> {
                bind(name, arguments);
                yield reverse(value);
            }
            case "round" -> {
                Object[] a = bind(name, arguments, "precision", 0L, "method", "common");
                yield round(value, PyOperators.asLong(a[0]), text(a[1]));
            }
            case "sort" -> {
                Object[] a = bind(name, arguments, "reverse", false, "case_sensitive", false, "attribute", null);
                yield sort(Sequences.iterate(value), PyValues.truthy(a[0]), PyValues.truthy(a[1]), a[2]);
            }
            case "sum" -> {
                Object[] a = bind(name, arguments, "attribute", null, "start", 0L);
                Object total = a[1];
                for (Object item : Sequences.iterate(value)) {
                    total = PyOperators.add(total, a[0] == null ? item : attributePath(item, a[0]));
                }
                yield total;
            }
            case "tojson" -> toJson(value, bind(name, arguments, "ensure_ascii", false, "indent", null,
                    "separators", null, "sort_keys", false));
            case "unique" -> unique(value, bind(name, arguments, "case_sensitive", false, "attribute", null));
            case "wordcount" -> {
                bind(name, arguments);
                yield (long) PyStrings.split(PyValues.str(value), null, -1).size();
            }
            default -> throw new TemplateRuntimeException("no filter named '" + name + "'");
        };
    }

    // ---- arguments -------------------------------------------------------------------------------------

    /** Binds arguments to {@code name, default} pairs, as a Python signature with defaults would. */
    private static Object[] bind(String filter, Arguments arguments, Object... namesAndDefaults) {
        List<String> names = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        for (int i = 0; i < namesAndDefaults.length; i += 2) {
            names.add((String) namesAndDefaults[i]);
            defaults.add(i + 1 < namesAndDefaults.length ? namesAndDefaults[i + 1] : Arguments.NO_DEFAULT);
        }
        return arguments.bind(filter, names, defaults);
    }

    private static String text(Object value) {
        if (!PyValues.isString(value)) {
            throw new TemplateRuntimeException("expected a string, got " + PyValues.typeName(value));
        }
        return PyValues.text(value);
    }

    /** jinja2's {@code soft_str}: markup stays markup through a string operation, anything else becomes str. */
    private static Object softText(Object value, java.util.function.UnaryOperator<String> operation, Arguments arguments,
                                   String filter) {
        bind(filter, arguments);
        if (value instanceof Markup markup) {
            return new Markup(operation.apply(markup.text()));
        }
        return operation.apply(PyValues.str(value));
    }

    /** The {@code title} filter: upper-case the first letter of each word, words split at spaces, - ( { [ <. */
    private static String titleWords(String s) {
        StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        for (int cp : PyStrings.codePoints(s)) {
            boolean separator = PyStrings.isSpace(cp) || "-({[<".indexOf(cp) >= 0;
            if (separator) {
                out.appendCodePoint(cp);
                wordStart = true;
            } else {
                out.append(wordStart ? PyStrings.upper(Character.toString(cp)) : PyStrings.lower(Character.toString(cp)));
                wordStart = false;
            }
        }
        return out.toString();
    }

    // ---- numbers ---------------------------------------------------------------------------------------

    private static Object abs(Object value, Arguments arguments) {
        bind("abs", arguments);
        return switch (value) {
            case Long l -> Math.abs(l);
            case Double d -> Math.abs(d);
            case Boolean b -> b ? 1L : 0L;
            case null, default -> throw new TemplateRuntimeException("bad operand type for abs(): '" + PyValues.typeName(value) + "'");
        };
    }

    private static Object toInt(Object value, Object fallback, Object base) {
        try {
            if (PyValues.isString(value)) {
                return parseInt(PyValues.text(value), (int) PyOperators.asLong(base));
            }
            return switch (value) {
                case Long l -> l;
                case Boolean b -> b ? 1L : 0L;
                case Double d -> {
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        yield fallback;
                    }
                    yield (long) (double) d;
                }
                case null, default -> fallback;
            };
        } catch (NumberFormatException e) {
            // jinja2 then tries int(float(value)).
            Object asFloat = toFloat(value, null);
            return asFloat instanceof Double d && !d.isNaN() && !d.isInfinite() ? (Object) (long) (double) d : fallback;
        }
    }

    /** Python's {@code int(text, base)}: surrounding space, underscores, and a 0x/0o/0b prefix matching the base. */
    private static long parseInt(String text, int base) {
        String t = text.strip().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        String sign = t.startsWith("-") || t.startsWith("+") ? t.substring(0, 1) : "";
        String digits = t.substring(sign.length());
        int radix = base;
        for (var prefix : Map.of("0x", 16, "0o", 8, "0b", 2).entrySet()) {
            if (digits.startsWith(prefix.getKey()) && (base == prefix.getValue() || base == 0)) {
                digits = digits.substring(2);
                radix = prefix.getValue();
            }
        }
        if (radix == 0) {
            radix = 10;
        }
        return Long.parseLong(sign + digits, radix);
    }

    private static Object toFloat(Object value, Object fallback) {
        return switch (value) {
            case Double d -> d;
            case Long l -> (double) l;
            case Boolean b -> b ? 1.0 : 0.0;
            case String s -> parseFloat(s, fallback);
            case Markup m -> parseFloat(m.text(), fallback);
            case null, default -> fallback;
        };
    }

    private static Object parseFloat(String text, Object fallback) {
        String t = text.strip().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                    return fallback;
                }
                return Double.parseDouble(t);
            }
        }
    }

    private static Object round(Object value, long precision, String method) {
        double number = PyOperators.asDouble(requireNumber(value));
        if (method.equals("common")) {
            if (!(value instanceof Double)) {
                return precision >= 0 ? PyOperators.asLong(value) : value;
            }
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return number;
            }
            // Python rounds the exact binary value half to even.
            return new BigDecimal(number).setScale((int) precision, RoundingMode.HALF_EVEN).doubleValue();
        }
        double scale = Math.pow(10, precision);
        return switch (method) {
            case "ceil" -> Math.ceil(number * scale) / scale;
            case "floor" -> Math.floor(number * scale) / scale;
            default -> throw new TemplateRuntimeException("method must be common, ceil or floor");
        };
    }

    private static Object requireNumber(Object value) {
        if (!PyOperators.isNumber(value)) {
            throw new TemplateRuntimeException("type " + PyValues.typeName(value) + " doesn't define __round__ method");
        }
        return value;
    }

    // ---- text layout -------------------------------------------------------------------------------------

    private static Object indent(Object value, Object width, boolean first, boolean blank) {
        if (!PyValues.isString(value)) {
            throw new TemplateRuntimeException("can only concatenate " + PyValues.typeName(value) + " to str");
        }
        String indentation = PyValues.isString(width) ? PyValues.text(width) : " ".repeat((int) PyOperators.asLong(width));
        List<String> lines = PyStrings.splitLines(PyValues.text(value) + "\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0) {
                out.append('\n');
                if (blank || !line.isEmpty()) {
                    out.append(indentation);
                }
            }
            out.append(line);
        }
        String result = (first ? indentation : "") + out;
        return value instanceof Markup ? new Markup(result) : result;
    }

    private static Object toJson(Object value, Object[] a) {
        Object indent = a[1];
        String indentText = indent == null ? null
                : PyValues.isString(indent) ? PyValues.text(indent) : " ".repeat((int) Math.max(0, PyOperators.asLong(indent)));
        String itemSeparator = indentText == null ? ", " : ",";
        String keySeparator = ": ";
        if (a[2] != null) {
            List<Object> separators = Sequences.iterate(a[2]);
            if (separators.size() != 2) {
                throw new TemplateRuntimeException("separators must be a pair of strings");
            }
            itemSeparator = text(separators.get(0));
            keySeparator = text(separators.get(1));
        }
        return PyJson.dumpsTemplateValue(value, new PyJson.Options(PyValues.truthy(a[0]), indentText, itemSeparator, keySeparator,
                PyValues.truthy(a[3])));
    }

    // ---- sequences -----------------------------------------------------------------------------------------

    private static Object items(Object value) {
        if (value instanceof Undefined) {
            return new PyGenerator(List.of());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new TemplateRuntimeException("Can only get item pairs from a mapping.");
        }
        List<Object> pairs = new ArrayList<>();
        map.forEach((k, v) -> pairs.add(new PyTuple(Arrays.asList(k, v))));
        return new PyGenerator(pairs);
    }

    private static Object reverse(Object value) {
        if (PyValues.isString(value)) {
            return Sequences.slice(value, null, null, -1L);
        }
        List<Object> items = new ArrayList<>(Sequences.iterate(value));
        java.util.Collections.reverse(items);
        return new PyGenerator(items);
    }

    private static Object dictSort(Object value, Object[] a) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new TemplateRuntimeException("dictsort needs a mapping, not " + PyValues.typeName(value));
        }
        boolean caseSensitive = PyValues.truthy(a[0]);
        int position = switch (PyValues.str(a[1])) {
            case "key" -> 0;
            case "value" -> 1;
            default -> throw new TemplateRuntimeException("You can only sort by either \"key\" or \"value\"");
        };
        List<Object> pairs = new ArrayList<>();
        map.forEach((k, v) -> pairs.add(new PyTuple(Arrays.asList(k, v))));
        Comparator<Object> order = (x, y) -> PyOperators.compare(
                sortKey(((PyTuple) x).items().get(position), caseSensitive),
                sortKey(((PyTuple) y).items().get(position), caseSensitive), "<");
        pairs.sort(PyValues.truthy(a[2]) ? order.reversed() : order);
        return PyValues.immutableList(pairs);
    }

    private static Object sortKey(Object value, boolean caseSensitive) {
        return !caseSensitive && PyValues.isString(value) ? PyStrings.lower(PyValues.text(value)) : value;
    }

    private static Object sort(List<Object> items, boolean reverse, boolean caseSensitive, Object attribute) {
        List<Object> sorted = new ArrayList<>(items);
        Comparator<Object> order = (x, y) -> PyOperators.compare(
                sortKey(attribute == null ? x : attributePath(x, attribute), caseSensitive),
                sortKey(attribute == null ? y : attributePath(y, attribute), caseSensitive), "<");
        sorted.sort(reverse ? order.reversed() : order);
        return PyValues.immutableList(sorted);
    }

    private static Object unique(Object value, Object[] a) {
        boolean caseSensitive = PyValues.truthy(a[0]);
        List<Object> seen = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (Object item : Sequences.iterate(value)) {
            Object key = sortKey(a[1] == null ? item : attributePath(item, a[1]), caseSensitive);
            if (seen.stream().noneMatch(s -> PyOperators.equal(s, key))) {
                seen.add(key);
                out.add(item);
            }
        }
        return new PyGenerator(out);
    }

    private static Object extreme(Object value, Object[] a, boolean max) {
        List<Object> items = Sequences.iterate(value);
        if (items.isEmpty()) {
            return Undefined.because("No aggregated item, sequence was empty.");
        }
        boolean caseSensitive = PyValues.truthy(a[0]);
        Object best = items.getFirst();
        for (Object item : items.subList(1, items.size())) {
            Object candidate = sortKey(a[1] == null ? item : attributePath(item, a[1]), caseSensitive);
            Object current = sortKey(a[1] == null ? best : attributePath(best, a[1]), caseSensitive);
            int order = PyOperators.compare(candidate, current, "<");
            if (max ? order > 0 : order < 0) {
                best = item;
            }
        }
        return best;
    }

    private static Object map(Object value, Arguments arguments) {
        List<Object> items = Sequences.iterate(value);
        List<Object> out = new ArrayList<>();
        if (arguments.positional().isEmpty() && arguments.keyword().containsKey("attribute")) {
            Object[] a = bind("map", arguments, "attribute", Arguments.NO_DEFAULT, "default", Absent.VALUE);
            for (Object item : items) {
                Object mapped = attributePath(item, a[0]);
                out.add(mapped instanceof Undefined && !Absent.is(a[1]) ? a[1] : mapped);
            }
        } else {
            if (arguments.positional().isEmpty()) {
                throw new TemplateRuntimeException("map requires a filter argument");
            }
            String filter = text(arguments.positional().getFirst());
            Arguments rest = new Arguments(arguments.positional().subList(1, arguments.positional().size()), arguments.keyword());
            for (Object item : items) {
                out.add(apply(filter, item, rest));
            }
        }
        return new PyGenerator(out);
    }

    private static Object selectOrReject(Object value, Arguments arguments, boolean keep, boolean byAttribute) {
        List<Object> positional = arguments.positional();
        int next = 0;
        Object attribute = null;
        if (byAttribute) {
            if (positional.isEmpty()) {
                throw new TemplateRuntimeException("Missing parameter for attribute name");
            }
            attribute = positional.get(next++);
        }
        String test = next < positional.size() ? text(positional.get(next++)) : null;
        Arguments testArguments = new Arguments(positional.subList(next, positional.size()), arguments.keyword());
        List<Object> out = new ArrayList<>();
        for (Object item : Sequences.iterate(value)) {
            Object subject = attribute == null ? item : attributePath(item, attribute);
            boolean passes = test == null ? PyValues.truthy(subject) : Tests.apply(test, subject, testArguments);
            if (passes == keep) {
                out.add(item);
            }
        }
        return new PyGenerator(out);
    }

    /** An attribute path as filters take it ({@code "a.b"}, {@code "items.0"}), looked up item first. */
    private static Object attributePath(Object item, Object attribute) {
        if (!PyValues.isString(attribute)) {
            return Attributes.item(item, attribute);
        }
        Object current = item;
        for (String part : PyValues.text(attribute).split("\\.", -1)) {
            Object key = part.matches("\\d+") ? (Object) Long.parseLong(part) : part;
            current = Attributes.item(current, key);
        }
        return current;
    }
}
