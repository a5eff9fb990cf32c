package dev.gannet.prompts.jinja;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code value.name} and {@code value[key]} as jinja2's immutable sandbox resolves them. A dot looks
 * for a Python attribute first (so {@code schema.items} is dict's {@code items} method, not the
 * {@code "items"} key) and then an item; brackets look for an item first. Methods that would mutate a
 * list or dict resolve to a value that refuses to be called, as the sandbox does; names starting with
 * an underscore are refused too.
 */
final class Attributes {
    private static final Set<String> STRING_METHODS = Set.of(
            "capitalize", "casefold", "center", "count", "endswith", "find", "format", "index", "isalnum",
            "isalpha", "isdigit", "isnumeric", "isdecimal", "islower", "isspace", "istitle", "isupper", "join",
            "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex",
            "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase",
            "title", "upper", "zfill");
    private static final Set<String> DICT_METHODS = Set.of("items", "keys", "values", "get", "copy");
    private static final Set<String> DICT_MUTATORS = Set.of("clear", "pop", "popitem", "setdefault", "update");
    private static final Set<String> LIST_METHODS = Set.of("index", "count", "copy");
    private static final Set<String> LIST_MUTATORS = Set.of("append", "clear", "pop", "reverse", "insert", "sort", "extend", "remove");

    private Attributes() {
    }

    /** {@code value.name}. */
    static Object attribute(Object value, String name) {
        if (value instanceof Undefined undefined) {
            throw undefined.failure();
        }
        Object python = pythonAttribute(value, name);
        if (!Absent.is(python)) {
            return python;
        }
        Object item = itemOnly(value, name);
        return Absent.is(item) ? Undefined.member(value, name) : item;
    }

    /** {@code value[key]}. */
    static Object item(Object value, Object key) {
        if (value instanceof Undefined undefined) {
            throw undefined.failure();
        }
        Object item = itemOnly(value, key);
        if (!Absent.is(item)) {
            return item;
        }
        if (PyValues.isString(key)) {
            Object python = pythonAttribute(value, PyValues.text(key));
            if (!Absent.is(python)) {
                return python;
            }
        }
        return Undefined.member(value, key);
    }

    private static Object itemOnly(Object value, Object key) {
        return switch (value) {
            case Map<?, ?> map -> PyOperators.lookup(map, key);
            case Markup m -> {
                Object character = indexed(value, key);
                yield character instanceof String text ? new Markup(text) : character;
            }
            case List<?> l -> indexed(value, key);
            case PyTuple t -> indexed(value, key);
            case String s -> indexed(value, key);
            case null, default -> Absent.VALUE;
        };
    }

    private static Object indexed(Object sequence, Object key) {
        if (!(key instanceof Long) && !(key instanceof Boolean)) {
            return Absent.VALUE;
        }
        return Sequences.at(sequence, PyOperators.asLong(key));
    }

    /** The Python attribute {@code name} of {@code value}, if it has one the sandbox lets through. */
    private static Object pythonAttribute(Object value, String name) {
        if (name.startsWith("_")) {
            return unsafe(value, name);
        }
        return switch (value) {
            case String s when STRING_METHODS.contains(name) -> new PyMethod(value, name);
            case Markup m when STRING_METHODS.contains(name) -> new PyMethod(value, name);
            case Map<?, ?> map when DICT_METHODS.contains(name) -> new PyMethod(value, name);
            case Map<?, ?> map when DICT_MUTATORS.contains(name) -> unsafe(value, name);
            case List<?> list when LIST_METHODS.contains(name) -> new PyMethod(value, name);
            case List<?> list when LIST_MUTATORS.contains(name) -> unsafe(value, name);
            case PyTuple tuple when name.equals("index") || name.equals("count") -> new PyMethod(value, name);
            case Namespace ns -> ns.has(name) ? ns.get(name) : Undefined.member(value, name);
            case LoopContext loop -> loop.attribute(name);
            case null, default -> Absent.VALUE;
        };
    }

    private static Undefined unsafe(Object value, String name) {
        return Undefined.because("access to attribute '" + name + "' of '" + PyValues.typeName(value)
                + "' object is unsafe.");
    }
}
