package dev.gannet.prompts.jinja;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions every template sees: jinja2's {@code range}, {@code dict} and {@code namespace}, and
 * Hugging Face's {@code raise_exception} and {@code strftime_now} (reading the given clock, so tests can
 * fix the date).
 */
final class Globals {
    /** jinja2's sandbox refuses ranges longer than this. */
    private static final long MAX_RANGE = 100_000;

    private Globals() {
    }

    static Map<String, Object> create(Clock clock) {
        Map<String, Object> globals = new LinkedHashMap<>();
        globals.put("range", (JinjaCallable) Globals::range);
        globals.put("dict", (JinjaCallable) Globals::dict);
        globals.put("namespace", (JinjaCallable) Globals::namespace);
        globals.put("raise_exception", (JinjaCallable) arguments -> {
            Object[] a = arguments.bind("raise_exception", List.of("message"), List.of(Arguments.NO_DEFAULT));
            throw new TemplateRaisedException(PyValues.str(a[0]));
        });
        globals.put("strftime_now", (JinjaCallable) arguments -> {
            Object[] a = arguments.bind("strftime_now", List.of("format"), List.of(Arguments.NO_DEFAULT));
            if (!PyValues.isString(a[0])) {
                throw new TemplateRuntimeException("strftime_now() argument must be str, not " + PyValues.typeName(a[0]));
            }
            return Strftime.format(LocalDateTime.now(clock), PyValues.text(a[0]));
        });
        return globals;
    }

    private static Object range(Arguments arguments) {
        List<Object> a = arguments.positional();
        if (a.isEmpty() || a.size() > 3 || !arguments.keyword().isEmpty()) {
            throw new TemplateRuntimeException("range expected 1 to 3 integer arguments");
        }
        for (Object value : a) {
            if (!(value instanceof Long) && !(value instanceof Boolean)) {
                throw new TemplateRuntimeException("'" + PyValues.typeName(value) + "' object cannot be interpreted as an integer");
            }
        }
        long start = a.size() == 1 ? 0 : PyOperators.asLong(a.get(0));
        long stop = PyOperators.asLong(a.get(a.size() == 1 ? 0 : 1));
        long step = a.size() == 3 ? PyOperators.asLong(a.get(2)) : 1;
        if (step == 0) {
            throw new TemplateRuntimeException("range() arg 3 must not be zero");
        }
        List<Object> values = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            if (values.size() >= MAX_RANGE) {
                throw new TemplateRuntimeException("Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
            }
            values.add(i);
        }
        return PyValues.immutableList(values);
    }

    private static Object dict(Arguments arguments) {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (arguments.positional().size() > 1) {
            throw new TemplateRuntimeException("dict expected at most 1 argument, got " + arguments.positional().size());
        }
        if (!arguments.positional().isEmpty()) {
            putAll(map, arguments.positional().getFirst());
        }
        map.putAll(arguments.keyword());
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Object namespace(Arguments arguments) {
        Map<Object, Object> initial = new LinkedHashMap<>();
        for (Object positional : arguments.positional()) {
            putAll(initial, positional);
        }
        initial.putAll(arguments.keyword());
        Map<String, Object> attributes = new LinkedHashMap<>();
        initial.forEach((k, v) -> attributes.put(PyValues.str(k), v));
        return new Namespace(attributes);
    }

    /** Adds a mapping's entries, or the pairs of a sequence of pairs, as Python's dict() does. */
    private static void putAll(Map<Object, Object> into, Object source) {
        if (source instanceof Map<?, ?> map) {
            into.putAll(map);
            return;
        }
        for (Object pair : Sequences.iterate(source)) {
            List<Object> items = Sequences.iterate(pair);
            if (items.size() != 2) {
                throw new TemplateRuntimeException("dictionary update sequence element has length " + items.size() + "; 2 is required");
            }
            into.put(items.get(0), items.get(1));
        }
    }
}
