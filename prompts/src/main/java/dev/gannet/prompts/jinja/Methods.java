package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Python methods templates call on strings, dicts, lists and tuples ({@link Attributes} decides
 * which names exist). Called on markup, the methods that markupsafe wraps escape their string arguments
 * and return markup.
 */
final class Methods {
    private static final Set<String> MARKUP_WRAPPED = Set.of(
            "capitalize", "casefold", "center", "ljust", "lower", "lstrip", "removeprefix", "removesuffix",
            "replace", "rjust", "rstrip", "strip", "swapcase", "title", "upper", "zfill");

    private Methods() {
    }

    static Object call(Object receiver, String name, Arguments arguments) {
        return switch (receiver) {
            case Markup markup when MARKUP_WRAPPED.contains(name) -> {
                List<Object> escaped = arguments.positional().stream()
                        .map(a -> PyValues.isString(a) ? (Object) Markup.escaped(a).text() : a).toList();
                Object result = string(markup.text(), name, new Arguments(escaped, arguments.keyword()));
                yield result instanceof String text ? new Markup(text) : result;
            }
            case Markup markup -> string(markup.text(), name, arguments);
            case String text -> string(text, name, arguments);
            case Map<?, ?> map -> dict(map, name, arguments);
            case List<?> list -> sequence(list, name, arguments);
            case PyTuple tuple -> sequence(tuple.items(), name, arguments);
            case null, default -> throw new TemplateRuntimeException("'" + PyValues.typeName(receiver) + "' object has no method '" + name + "'");
        };
    }

    // ---- str ---------------------------------------------------------------------------------------

    private static Object string(String s, String name, Arguments arguments) {
        if (name.equals("format")) {
            return PyFormat.format(s, arguments);
        }
        Object[] a = switch (name) {
            case "split", "rsplit" -> arguments.bind("str." + name, List.of("sep", "maxsplit"), Arrays.asList(null, -1L));
            case "splitlines" -> arguments.bind("str.splitlines", List.of("keepends"), Arrays.asList(false));
            default -> arguments.bind("str." + name, List.of("a", "b", "c"),
                    Arrays.asList(Absent.VALUE, Absent.VALUE, Absent.VALUE));
        };
        return switch (name) {
            case "capitalize" -> PyStrings.capitalize(s);
            case "casefold", "lower" -> PyStrings.lower(s);
            case "upper" -> PyStrings.upper(s);
            case "title" -> PyStrings.title(s);
            case "swapcase" -> swapCase(s);
            case "strip" -> PyStrings.strip(s, optionalText(a[0]), true, true);
            case "lstrip" -> PyStrings.strip(s, optionalText(a[0]), true, false);
            case "rstrip" -> PyStrings.strip(s, optionalText(a[0]), false, true);
            case "split" -> PyValues.immutableList(PyStrings.split(s, optionalText(a[0]), integer(a[1])));
            case "rsplit" -> PyValues.immutableList(PyStrings.rsplit(s, optionalText(a[0]), integer(a[1])));
            case "splitlines" -> PyValues.immutableList(PyStrings.splitLines(s));
            case "startswith" -> affix(s, a[0], true);
            case "endswith" -> affix(s, a[0], false);
            case "find" -> PyStrings.find(s, text(a[0]), false);
            case "rfind" -> PyStrings.find(s, text(a[0]), true);
            case "index", "rindex" -> {
                long found = PyStrings.find(s, text(a[0]), name.equals("rindex"));
                if (found < 0) {
                    throw new TemplateRuntimeException("substring not found");
                }
                yield found;
            }
            case "count" -> PyStrings.count(s, text(a[0]));
            case "replace" -> PyStrings.replace(s, text(a[0]), text(a[1]), Absent.is(a[2]) ? -1 : integer(a[2]));
            case "join" -> join(s, a[0]);
            case "removeprefix" -> s.startsWith(text(a[0])) ? s.substring(text(a[0]).length()) : s;
            case "removesuffix" -> !text(a[0]).isEmpty() && s.endsWith(text(a[0]))
                    ? s.substring(0, s.length() - text(a[0]).length()) : s;
            case "partition", "rpartition" -> partition(s, text(a[0]), name.equals("rpartition"));
            case "center", "ljust", "rjust" -> justify(s, name, integer(a[0]), Absent.is(a[1]) ? " " : text(a[1]));
            case "zfill" -> zfill(s, integer(a[0]));
            case "isalnum" -> allMatch(s, Character::isLetterOrDigit);
            case "isalpha" -> allMatch(s, Character::isLetter);
            case "isdigit", "isnumeric", "isdecimal" -> allMatch(s, Character::isDigit);
            case "isspace" -> allMatch(s, PyStrings::isSpace);
            case "islower" -> hasCased(s) && s.equals(PyStrings.lower(s));
            case "isupper" -> hasCased(s) && s.equals(PyStrings.upper(s));
            case "istitle" -> hasCased(s) && s.equals(PyStrings.title(s));
            default -> throw new TemplateRuntimeException("'str' object has no attribute '" + name + "'");
        };
    }

    private static String swapCase(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(Character.isUpperCase(cp)
                ? PyStrings.lower(Character.toString(cp)) : PyStrings.upper(Character.toString(cp))));
        return out.toString();
    }

    private static boolean affix(String s, Object affixes, boolean prefix) {
        List<Object> candidates = affixes instanceof PyTuple tuple ? tuple.items() : List.of(requireText(affixes));
        for (Object candidate : candidates) {
            String text = text(candidate);
            if (prefix ? s.startsWith(text) : s.endsWith(text)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String separator, Object items) {
        StringBuilder out = new StringBuilder();
        List<Object> values = Sequences.iterate(items);
        for (int i = 0; i < values.size(); i++) {
            if (!PyValues.isString(values.get(i))) {
                throw new TemplateRuntimeException("sequence item " + i + ": expected str instance, "
                        + PyValues.typeName(values.get(i)) + " found");
            }
            if (i > 0) {
                out.append(separator);
            }
            out.append(PyValues.text(values.get(i)));
        }
        return out.toString();
    }

    private static PyTuple partition(String s, String separator, boolean fromRight) {
        if (separator.isEmpty()) {
            throw new TemplateRuntimeException("empty separator");
        }
        int at = fromRight ? s.lastIndexOf(separator) : s.indexOf(separator);
        if (at < 0) {
            return fromRight ? new PyTuple(List.of("", "", s)) : new PyTuple(List.of(s, "", ""));
        }
        return new PyTuple(List.of(s.substring(0, at), separator, s.substring(at + separator.length())));
    }

    private static String justify(String s, String how, long width, String fill) {
        if (PyStrings.length(fill) != 1) {
            throw new TemplateRuntimeException("The fill character must be exactly one character long");
        }
        long missing = width - PyStrings.length(s);
        if (missing <= 0) {
            return s;
        }
        int total = (int) missing;
        return switch (how) {
            case "ljust" -> s + fill.repeat(total);
            case "rjust" -> fill.repeat(total) + s;
            default -> {
                // Python centers with the extra space on the left when the string's length is odd.
                int left = total / 2 + (total & (int) width & 1);
                yield fill.repeat(left) + s + fill.repeat(total - left);
            }
        };
    }

    private static String zfill(String s, long width) {
        long missing = width - PyStrings.length(s);
        if (missing <= 0) {
            return s;
        }
        String zeros = "0".repeat((int) missing);
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            return s.charAt(0) + zeros + s.substring(1);
        }
        return zeros + s;
    }

    private static boolean allMatch(String s, java.util.function.IntPredicate test) {
        return !s.isEmpty() && s.codePoints().allMatch(test);
    }

    private static boolean hasCased(String s) {
        return s.codePoints().anyMatch(PyStrings::isCased);
    }

    // ---- dict ----------------------------------------------------------------------------------------

    private static Object dict(Map<?, ?> map, String name, Arguments arguments) {
        switch (name) {
            case "items" -> {
                arguments.bind("dict.items", List.of(), List.of());
                List<Object> pairs = new ArrayList<>();
                map.forEach((k, v) -> pairs.add(new PyTuple(Arrays.asList(k, v))));
                return PyValues.immutableList(pairs);
            }
            case "keys" -> {
                arguments.bind("dict.keys", List.of(), List.of());
                return PyValues.immutableList(new ArrayList<>(map.keySet()));
            }
            case "values" -> {
                arguments.bind("dict.values", List.of(), List.of());
                return PyValues.immutableList(new ArrayList<>(map.values()));
            }
            case "get" -> {
                Object[] a = arguments.bind("dict.get", List.of("key", "default"), Arrays.asList(Arguments.NO_DEFAULT, null));
                Object found = PyOperators.lookup(map, a[0]);
                return Absent.is(found) ? a[1] : found;
            }
            case "copy" -> {
                return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
            }
            default -> throw new TemplateRuntimeException("'dict' object has no attribute '" + name + "'");
        }
    }

    // ---- list and tuple ------------------------------------------------------------------------------

    private static Object sequence(List<?> items, String name, Arguments arguments) {
        switch (name) {
            case "index" -> {
                Object[] a = arguments.bind(name, List.of("value"), Arrays.asList(Arguments.NO_DEFAULT));
                for (int i = 0; i < items.size(); i++) {
                    if (PyOperators.equal(items.get(i), a[0])) {
                        return (long) i;
                    }
                }
                throw new TemplateRuntimeException(PyValues.repr(a[0]) + " is not in list");
            }
            case "count" -> {
                Object[] a = arguments.bind(name, List.of("value"), Arrays.asList(Arguments.NO_DEFAULT));
                return items.stream().filter(item -> PyOperators.equal(item, a[0])).count();
            }
            case "copy" -> {
                return PyValues.immutableList(items);
            }
            default -> throw new TemplateRuntimeException("'list' object has no attribute '" + name + "'");
        }
    }

    // ---- argument helpers ------------------------------------------------------------------------------

    private static String text(Object value) {
        return PyValues.text(requireText(value));
    }

    private static Object requireText(Object value) {
        if (Absent.is(value)) {
            throw new TemplateRuntimeException("missing required argument");
        }
        if (!PyValues.isString(value)) {
            throw new TemplateRuntimeException("must be str, not " + PyValues.typeName(value));
        }
        return value;
    }

    private static String optionalText(Object value) {
        return Absent.is(value) || value == null ? null : text(value);
    }

    private static long integer(Object value) {
        if (value instanceof Long || value instanceof Boolean) {
            return PyOperators.asLong(value);
        }
        throw new TemplateRuntimeException("'" + PyValues.typeName(value) + "' object cannot be interpreted as an integer");
    }
}
