package dev.gannet.prompts.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** The number filters: {@code abs}, {@code int}, {@code float}, {@code round}, with Python's parsing rules. */
final class NumberFilters {
    private NumberFilters() {
    }

    static Object abs(Object value, Arguments arguments) {
        Filters.bind("abs", arguments);
        return switch (value) {
            case Long l -> Math.abs(l);
            case Double d -> Math.abs(d);
            case Boolean b -> b ? 1L : 0L;
            case null, default -> throw new TemplateRuntimeException("bad operand type for abs(): '" + PyValues.typeName(value) + "'");
        };
    }

    static Object toInt(Object value, Object fallback, Object base) {
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
    static long parseInt(String text, int base) {
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

    static Object toFloat(Object value, Object fallback) {
        return switch (value) {
            case Double d -> d;
            case Long l -> (double) l;
            case Boolean b -> b ? 1.0 : 0.0;
            case String s -> parseFloat(s, fallback);
            case Markup m -> parseFloat(m.text(), fallback);
            case null, default -> fallback;
        };
    }

    static Object parseFloat(String text, Object fallback) {
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

    static Object round(Object value, long precision, String method) {
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

    static Object requireNumber(Object value) {
        if (!PyOperators.isNumber(value)) {
            throw new TemplateRuntimeException("type " + PyValues.typeName(value) + " doesn't define __round__ method");
        }
        return value;
    }
}
