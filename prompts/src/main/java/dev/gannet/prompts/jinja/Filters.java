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
            case "abs" -> NumberFilters.abs(value, arguments);
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
            case "dictsort" -> SequenceFilters.dictSort(value, bind(name, arguments, "case_sensitive", false, "by", "key", "reverse", false));
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
            case "float" -> NumberFilters.toFloat(value, bind(name, arguments, "default", 0.0)[0]);
            case "int" -> {
                Object[] a = bind(name, arguments, "default", 0L, "base", 10L);
                yield NumberFilters.toInt(value, a[0], a[1]);
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
                yield SequenceFilters.items(value);
            }
            case "join" -> {
                Object[] a = bind(name, arguments, "d", "", "attribute", null);
                List<Object> values = Sequences.iterate(value);
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(PyValues.str(a[0]));
                    }
                    Object item = a[1] == null ? values.get(i) : SequenceFilters.attributePath(values.get(i), a[1]);
                    out.append(PyValues.str(item));
                }
                yield out.toString();
            }
            case "list" -> {
                bind(name, arguments);
                yield PyValues.immutableList(Sequences.iterate(value));
            }
            // jinja2 maps and selects nothing at all when the value is false (None, empty, Undefined).
            case "map" -> PyValues.truthy(value) ? SequenceFilters.map(value, arguments) : new PyGenerator(List.of());
            case "select", "reject" -> PyValues.truthy(value)
                    ? SequenceFilters.selectOrReject(value, arguments, name.equals("select"), false) : new PyGenerator(List.of());
            case "selectattr", "rejectattr" -> PyValues.truthy(value)
                    ? SequenceFilters.selectOrReject(value, arguments, name.equals("selectattr"), true) : new PyGenerator(List.of());
            case "max", "min" -> SequenceFilters.extreme(value, bind(name, arguments, "case_sensitive", false, "attribute", null), name.equals("max"));
            case "replace" -> {
                Object[] a = bind(name, arguments, "old", Arguments.NO_DEFAULT, "new", Arguments.NO_DEFAULT, "count", null);
                long count = a[2] == null ? -1 : PyOperators.asLong(a[2]);
                yield PyStrings.replace(PyValues.str(value), PyValues.str(a[0]), PyValues.str(a[1]), count);
            }
            case "reverse" -> {
                bind(name, arguments);
                yield SequenceFilters.reverse(value);
            }
            case "round" -> {
                Object[] a = bind(name, arguments, "precision", 0L, "method", "common");
                yield NumberFilters.round(value, PyOperators.asLong(a[0]), text(a[1]));
            }
            case "sort" -> {
                Object[] a = bind(name, arguments, "reverse", false, "case_sensitive", false, "attribute", null);
                yield SequenceFilters.sort(Sequences.iterate(value), PyValues.truthy(a[0]), PyValues.truthy(a[1]), a[2]);
            }
            case "sum" -> {
                Object[] a = bind(name, arguments, "attribute", null, "start", 0L);
                Object total = a[1];
                for (Object item : Sequences.iterate(value)) {
                    total = PyOperators.add(total, a[0] == null ? item : SequenceFilters.attributePath(item, a[0]));
                }
                yield total;
            }
            case "tojson" -> toJson(value, bind(name, arguments, "ensure_ascii", false, "indent", null,
                    "separators", null, "sort_keys", false));
            case "unique" -> SequenceFilters.unique(value, bind(name, arguments, "case_sensitive", false, "attribute", null));
            case "wordcount" -> {
                bind(name, arguments);
                yield (long) PyStrings.split(PyValues.str(value), null, -1).size();
            }
            default -> throw new TemplateRuntimeException("no filter named '" + name + "'");
        };
    }

    // ---- arguments -------------------------------------------------------------------------------------

    /** Binds arguments to {@code name, default} pairs, as a Python signature with defaults would. */
    static Object[] bind(String filter, Arguments arguments, Object... namesAndDefaults) {
        List<String> names = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        for (int i = 0; i < namesAndDefaults.length; i += 2) {
            names.add((String) namesAndDefaults[i]);
            defaults.add(i + 1 < namesAndDefaults.length ? namesAndDefaults[i + 1] : Arguments.NO_DEFAULT);
        }
        return arguments.bind(filter, names, defaults);
    }

    static String text(Object value) {
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

}
