package dev.gannet.prompts.jinja;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's operators on template values: equality and ordering, membership, arithmetic. Integers are
 * 64-bit here (Python's are unbounded): an overflow fails instead of growing.
 */
final class PyOperators {
    private PyOperators() {
    }

    // ---- equality and ordering ---------------------------------------------------------------------

    static boolean equal(Object a, Object b) {
        if (a == b && !isNaN(a)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumber(a) && isNumber(b)) {
            return !isNaN(a) && !isNaN(b) && compareNumbers(a, b) == 0;
        }
        if (PyValues.isString(a) && PyValues.isString(b)) {
            return PyValues.text(a).equals(PyValues.text(b));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return equalItems(x, y);
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            return equalItems(x.items(), y.items());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                Object other = lookup(y, entry.getKey());
                if (Absent.is(other) || !equal(entry.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean equalItems(List<?> x, List<?> y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!equal(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Python's ordering ({@code <} is {@code compare(a, b) < 0}); unordered types fail. */
    static int compare(Object a, Object b, String operator) {
        if (a instanceof Undefined u) {
            throw u.failure();
        }
        if (b instanceof Undefined u) {
            throw u.failure();
        }
        if (isNumber(a) && isNumber(b)) {
            return compareNumbers(a, b);
        }
        if (PyValues.isString(a) && PyValues.isString(b)) {
            return compareText(PyValues.text(a), PyValues.text(b));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return compareItems(x, y, operator);
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            return compareItems(x.items(), y.items(), operator);
        }
        throw new TemplateRuntimeException("'" + operator + "' not supported between instances of '"
                + PyValues.typeName(a) + "' and '" + PyValues.typeName(b) + "'");
    }

    static int compareText(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static int compareItems(List<?> x, List<?> y, String operator) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (!equal(x.get(i), y.get(i))) {
                return compare(x.get(i), y.get(i), operator);
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double || value instanceof Boolean;
    }

    /** NaN is neither equal to nor ordered with anything; callers check {@link #isNaN} first. */
    static boolean isNaN(Object value) {
        return value instanceof Double d && d.isNaN();
    }

    private static int compareNumbers(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            double x = asDouble(a);
            double y = asDouble(b);
            if (Double.isInfinite(x) || Double.isInfinite(y)) {
                return Double.compare(x, y);
            }
            return new BigDecimal(a instanceof Double ? Double.toString(x) : Long.toString(asLong(a)))
                    .compareTo(new BigDecimal(b instanceof Double ? Double.toString(y) : Long.toString(asLong(b))));
        }
        return Long.compare(asLong(a), asLong(b));
    }

    static long asLong(Object number) {
        return number instanceof Boolean b ? (b ? 1 : 0) : (Long) number;
    }

    static double asDouble(Object number) {
        return number instanceof Double d ? d : asLong(number);
    }

    // ---- membership and dict keys ------------------------------------------------------------------

    /** Python's {@code item in container}. */
    static boolean contains(Object container, Object item) {
        return switch (container) {
            case String s -> PyValues.text(requireStringOperand(item)).isEmpty() || s.contains(PyValues.text(item));
            case Markup m -> m.text().contains(PyValues.text(requireStringOperand(item)));
            case List<?> list -> list.stream().anyMatch(element -> equal(element, item));
            case PyTuple tuple -> tuple.items().stream().anyMatch(element -> equal(element, item));
            case Map<?, ?> map -> !Absent.is(lookup(map, item));
            case Undefined u -> false;
            case PyGenerator generator -> generator.drain().stream().anyMatch(element -> equal(element, item));
            case null, default -> throw new TemplateRuntimeException("argument of type '" + PyValues.typeName(container)
                    + "' is not iterable");
        };
    }

    private static Object requireStringOperand(Object item) {
        if (!PyValues.isString(item)) {
            throw new TemplateRuntimeException("'in <string>' requires string as left operand, not "
                    + PyValues.typeName(item));
        }
        return item;
    }

    /**
     * The value of a dict key, compared as Python compares keys (so {@code 1} finds {@code 1.0}), or
     * {@link Absent#VALUE}.
     */
    static Object lookup(Map<?, ?> map, Object key) {
        if (map.containsKey(key)) {
            return map.get(key);
        }
        if (key instanceof Markup markup && map.containsKey(markup.text())) {
            return map.get(markup.text());
        }
        if (isNumber(key)) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (isNumber(entry.getKey()) && equal(entry.getKey(), key)) {
                    return entry.getValue();
                }
            }
        }
        return Absent.VALUE;
    }

    // ---- arithmetic --------------------------------------------------------------------------------

    static Object add(Object a, Object b) {
        failIfUndefined(a, b);
        if (a instanceof Markup || b instanceof Markup) {
            if (PyValues.isString(a) && PyValues.isString(b)) {
                return new Markup(Markup.escaped(a).text() + Markup.escaped(b).text());
            }
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                return asDouble(a) + asDouble(b);
            }
            return exact(() -> Math.addExact(asLong(a), asLong(b)));
        }
        if (a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> joined = new ArrayList<>(x);
            joined.addAll(y);
            return PyValues.immutableList(joined);
        }
        if (a instanceof PyTuple x && b instanceof PyTuple y) {
            List<Object> joined = new ArrayList<>(x.items());
            joined.addAll(y.items());
            return new PyTuple(joined);
        }
        if (a instanceof String || a instanceof List<?> || a instanceof PyTuple) {
            throw new TemplateRuntimeException("can only concatenate " + PyValues.typeName(a) + " (not \""
                    + PyValues.typeName(b) + "\") to " + PyValues.typeName(a));
        }
        throw unsupported("+", a, b);
    }

    static Object subtract(Object a, Object b) {
        failIfUndefined(a, b);
        requireNumbers("-", a, b);
        if (a instanceof Double || b instanceof Double) {
            return asDouble(a) - asDouble(b);
        }
        return exact(() -> Math.subtractExact(asLong(a), asLong(b)));
    }

    static Object multiply(Object a, Object b) {
        failIfUndefined(a, b);
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Double || b instanceof Double) {
                return asDouble(a) * asDouble(b);
            }
            return exact(() -> Math.multiplyExact(asLong(a), asLong(b)));
        }
        if (isRepeatable(a) && isInteger(b)) {
            return repeat(a, asLong(b));
        }
        if (isInteger(a) && isRepeatable(b)) {
            return repeat(b, asLong(a));
        }
        throw unsupported("*", a, b);
    }

    private static boolean isRepeatable(Object value) {
        return PyValues.isString(value) || value instanceof List<?> || value instanceof PyTuple;
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Boolean;
    }

    private static Object repeat(Object sequence, long times) {
        int count = (int) Math.max(0, Math.min(times, Integer.MAX_VALUE));
        return switch (sequence) {
            case String s -> s.repeat(count);
            case Markup m -> new Markup(m.text().repeat(count));
            case PyTuple t -> new PyTuple(repeatItems(t.items(), count));
            case null, default -> PyValues.immutableList(repeatItems((List<?>) sequence, count));
        };
    }

    private static List<Object> repeatItems(List<?> items, int count) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.addAll(items);
        }
        return out;
    }

    static Object divide(Object a, Object b) {
        failIfUndefined(a, b);
        requireNumbers("/", a, b);
        if (asDouble(b) == 0) {
            throw new TemplateRuntimeException("division by zero");
        }
        return asDouble(a) / asDouble(b);
    }

    static Object floorDivide(Object a, Object b) {
        failIfUndefined(a, b);
        requireNumbers("//", a, b);
        if (a instanceof Double || b instanceof Double) {
            if (asDouble(b) == 0) {
                throw new TemplateRuntimeException("float floor division by zero");
            }
            return Math.floor(asDouble(a) / asDouble(b));
        }
        if (asLong(b) == 0) {
            throw new TemplateRuntimeException("integer division or modulo by zero");
        }
        return Math.floorDiv(asLong(a), asLong(b));
    }

    static Object modulo(Object a, Object b) {
        failIfUndefined(a, b);
        if (PyValues.isString(a)) {
            return PyFormat.percent(PyValues.text(a), b);
        }
        requireNumbers("%", a, b);
        if (a instanceof Double || b instanceof Double) {
            double x = asDouble(a);
            double y = asDouble(b);
            if (y == 0) {
                throw new TemplateRuntimeException("float modulo");
            }
            double r = x % y;
            return (r != 0 && (r < 0) != (y < 0)) ? r + y : r;
        }
        if (asLong(b) == 0) {
            throw new TemplateRuntimeException("integer division or modulo by zero");
        }
        return Math.floorMod(asLong(a), asLong(b));
    }

    static Object power(Object a, Object b) {
        failIfUndefined(a, b);
        requireNumbers("**", a, b);
        if (a instanceof Double || b instanceof Double || asLong(b) < 0) {
            return Math.pow(asDouble(a), asDouble(b));
        }
        long base = asLong(a);
        long result = 1;
        for (long i = 0; i < asLong(b); i++) {
            long current = result;
            result = exact(() -> Math.multiplyExact(current, base));
        }
        return result;
    }

    static Object negate(Object a) {
        if (a instanceof Undefined u) {
            throw u.failure();
        }
        return switch (a) {
            case Double d -> -d;
            case Long l -> exact(() -> Math.negateExact(l));
            case Boolean b -> b ? -1L : 0L;
            case null, default -> throw new TemplateRuntimeException("bad operand type for unary -: '" + PyValues.typeName(a) + "'");
        };
    }

    static Object plus(Object a) {
        if (a instanceof Undefined u) {
            throw u.failure();
        }
        if (!isNumber(a)) {
            throw new TemplateRuntimeException("bad operand type for unary +: '" + PyValues.typeName(a) + "'");
        }
        return a instanceof Boolean b ? (b ? 1L : 0L) : a;
    }

    private static void failIfUndefined(Object a, Object b) {
        if (a instanceof Undefined u) {
            throw u.failure();
        }
        if (b instanceof Undefined u) {
            throw u.failure();
        }
    }

    private static void requireNumbers(String operator, Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) {
            throw unsupported(operator, a, b);
        }
    }

    private static TemplateRuntimeException unsupported(String operator, Object a, Object b) {
        return new TemplateRuntimeException("unsupported operand type(s) for " + operator + ": '"
                + PyValues.typeName(a) + "' and '" + PyValues.typeName(b) + "'");
    }

    private static long exact(java.util.function.LongSupplier operation) {
        try {
            return operation.getAsLong();
        } catch (ArithmeticException e) {
            throw new TemplateRuntimeException("integer overflow (integers are 64-bit in this interpreter)");
        }
    }
}
