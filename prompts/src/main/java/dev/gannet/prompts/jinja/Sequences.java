package dev.gannet.prompts.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Iteration, length, indexing and slicing with Python's rules (negative indices, negative steps). */
final class Sequences {
    private Sequences() {
    }

    /** The items a for loop or a filter sees: a dict gives its keys, a string its characters. */
    static List<Object> iterate(Object value) {
        return switch (value) {
            case List<?> list -> PyValues.immutableList(list);
            case PyTuple tuple -> tuple.items();
            case Map<?, ?> map -> PyValues.immutableList(new ArrayList<>(map.keySet()));
            case String s -> characters(s);
            case Markup m -> characters(m.text());
            case Undefined u -> List.of();
            case PyGenerator generator -> generator.drain();
            case null, default -> throw new TemplateRuntimeException("'" + PyValues.typeName(value) + "' object is not iterable");
        };
    }

    static boolean isIterable(Object value) {
        return value instanceof List<?> || value instanceof PyTuple || value instanceof Map<?, ?>
                || PyValues.isString(value) || value instanceof Undefined || value instanceof PyGenerator;
    }

    private static List<Object> characters(String s) {
        List<Object> out = new ArrayList<>();
        s.codePoints().forEach(cp -> out.add(Character.toString(cp)));
        return out;
    }

    static long length(Object value) {
        return switch (value) {
            case String s -> PyStrings.length(s);
            case Markup m -> PyStrings.length(m.text());
            case List<?> list -> list.size();
            case PyTuple tuple -> tuple.items().size();
            case Map<?, ?> map -> map.size();
            case Undefined u -> 0;
            case Namespace ns -> ns.attributes().size();
            case null, default -> throw new TemplateRuntimeException("object of type '" + PyValues.typeName(value) + "' has no len()");
        };
    }

    /** {@code sequence[index]}, or {@link Absent#VALUE} when out of range (jinja2 then yields Undefined). */
    static Object at(Object sequence, long index) {
        List<?> items = switch (sequence) {
            case List<?> list -> list;
            case PyTuple tuple -> tuple.items();
            case String s -> characters(s);
            case Markup m -> characters(m.text());
            case null, default -> null;
        };
        if (items == null) {
            return Absent.VALUE;
        }
        long position = index < 0 ? index + items.size() : index;
        if (position < 0 || position >= items.size()) {
            return Absent.VALUE;
        }
        return items.get((int) position);
    }

    static boolean isIndexable(Object value) {
        return value instanceof List<?> || value instanceof PyTuple || PyValues.isString(value);
    }

    /** {@code sequence[start:stop:step]} with None for an omitted bound. */
    static Object slice(Object sequence, Object start, Object stop, Object step) {
        long stepValue = step == null ? 1 : sliceIndex(step);
        if (stepValue == 0) {
            throw new TemplateRuntimeException("slice step cannot be zero");
        }
        return switch (sequence) {
            case String s -> sliceString(s, start, stop, stepValue);
            case Markup m -> new Markup(sliceString(m.text(), start, stop, stepValue));
            case List<?> list -> PyValues.immutableList(sliceItems(list, start, stop, stepValue));
            case PyTuple tuple -> new PyTuple(sliceItems(tuple.items(), start, stop, stepValue));
            case Undefined u -> throw u.failure();
            case null, default -> throw new TemplateRuntimeException("'" + PyValues.typeName(sequence) + "' object is not subscriptable");
        };
    }

    private static String sliceString(String s, Object start, Object stop, long step) {
        int[] points = PyStrings.codePoints(s);
        StringBuilder out = new StringBuilder();
        for (int i : positions(points.length, start, stop, step)) {
            out.appendCodePoint(points[i]);
        }
        return out.toString();
    }

    private static List<Object> sliceItems(List<?> items, Object start, Object stop, long step) {
        List<Object> out = new ArrayList<>();
        for (int i : positions(items.size(), start, stop, step)) {
            out.add(items.get(i));
        }
        return out;
    }

    /** The positions a slice visits, as Python's slice.indices computes them. */
    private static int[] positions(int length, Object start, Object stop, long step) {
        long first;
        long end;
        if (step > 0) {
            first = start == null ? 0 : clamp(sliceIndex(start), length, 0, length);
            end = stop == null ? length : clamp(sliceIndex(stop), length, 0, length);
        } else {
            first = start == null ? length - 1 : clamp(sliceIndex(start), length, -1, length - 1);
            end = stop == null ? -1 : clamp(sliceIndex(stop), length, -1, length - 1);
        }
        List<Integer> visited = new ArrayList<>();
        for (long i = first; step > 0 ? i < end : i > end; i += step) {
            visited.add((int) i);
        }
        return visited.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long clamp(long index, int length, long lower, long upper) {
        if (index < 0) {
            return Math.max(index + length, lower);
        }
        return Math.min(index, upper);
    }

    private static long sliceIndex(Object value) {
        if (value instanceof Long || value instanceof Boolean) {
            return PyOperators.asLong(value);
        }
        throw new TemplateRuntimeException("slice indices must be integers or None or have an __index__ method");
    }
}
