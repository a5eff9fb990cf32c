package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The filters that walk a sequence: {@code map}, {@code select}/{@code reject} (and their {@code attr}
 * forms), {@code unique}, {@code sort}, {@code dictsort}, {@code min}/{@code max}, {@code items},
 * {@code reverse}. Like jinja2, the lazy ones return a one-shot {@link PyGenerator}.
 */
final class SequenceFilters {
    private SequenceFilters() {
    }

    static Object items(Object value) {
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

    static Object reverse(Object value) {
        if (PyValues.isString(value)) {
            return Sequences.slice(value, null, null, -1L);
        }
        List<Object> items = new ArrayList<>(Sequences.iterate(value));
        java.util.Collections.reverse(items);
        return new PyGenerator(items);
    }

    static Object dictSort(Object value, Object[] a) {
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

    static Object sortKey(Object value, boolean caseSensitive) {
        return !caseSensitive && PyValues.isString(value) ? PyStrings.lower(PyValues.text(value)) : value;
    }

    static Object sort(List<Object> items, boolean reverse, boolean caseSensitive, Object attribute) {
        List<Object> sorted = new ArrayList<>(items);
        Comparator<Object> order = (x, y) -> PyOperators.compare(
                sortKey(attribute == null ? x : attributePath(x, attribute), caseSensitive),
                sortKey(attribute == null ? y : attributePath(y, attribute), caseSensitive), "<");
        sorted.sort(reverse ? order.reversed() : order);
        return PyValues.immutableList(sorted);
    }

    static Object unique(Object value, Object[] a) {
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

    static Object extreme(Object value, Object[] a, boolean max) {
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

    static Object map(Object value, Arguments arguments) {
        List<Object> items = Sequences.iterate(value);
        List<Object> out = new ArrayList<>();
        if (arguments.positional().isEmpty() && arguments.keyword().containsKey("attribute")) {
            Object[] a = Filters.bind("map", arguments, "attribute", Arguments.NO_DEFAULT, "default", Absent.VALUE);
            for (Object item : items) {
                Object mapped = attributePath(item, a[0]);
                out.add(mapped instanceof Undefined && !Absent.is(a[1]) ? a[1] : mapped);
            }
        } else {
            if (arguments.positional().isEmpty()) {
                throw new TemplateRuntimeException("map requires a filter argument");
            }
            String filter = Filters.text(arguments.positional().getFirst());
            Arguments rest = new Arguments(arguments.positional().subList(1, arguments.positional().size()), arguments.keyword());
            for (Object item : items) {
                out.add(Filters.apply(filter, item, rest));
            }
        }
        return new PyGenerator(out);
    }

    static Object selectOrReject(Object value, Arguments arguments, boolean keep, boolean byAttribute) {
        List<Object> positional = arguments.positional();
        int next = 0;
        Object attribute = null;
        if (byAttribute) {
            if (positional.isEmpty()) {
                throw new TemplateRuntimeException("Missing parameter for attribute name");
            }
            attribute = positional.get(next++);
        }
        String test = next < positional.size() ? Filters.text(positional.get(next++)) : null;
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
    static Object attributePath(Object item, Object attribute) {
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
