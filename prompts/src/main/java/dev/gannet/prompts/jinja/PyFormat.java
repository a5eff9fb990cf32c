package dev.gannet.prompts.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Python's two string formatting languages, as far as templates use them: {@code str.format} with
 * auto, numbered and named fields, and {@code %}-formatting; conversions s, r, d, i, f, x, o and the
 * usual fill, alignment, width and precision.
 */
final class PyFormat {
    private PyFormat() {
    }

    // ---- str.format ------------------------------------------------------------------------------

    static String format(String template, Arguments arguments) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw new TemplateRuntimeException("Single '{' encountered in format string");
                }
                String field = template.substring(i + 1, close);
                String spec = "";
                int colon = field.indexOf(':');
                if (colon >= 0) {
                    spec = field.substring(colon + 1);
                    field = field.substring(0, colon);
                }
                char conversion = 0;
                int bang = field.indexOf('!');
                if (bang >= 0) {
                    conversion = field.length() > bang + 1 ? field.charAt(bang + 1) : 0;
                    field = field.substring(0, bang);
                }
                Object value;
                if (field.isEmpty()) {
                    value = positional(arguments.positional(), auto++);
                } else if (Character.isDigit(field.charAt(0))) {
                    value = positional(arguments.positional(), Integer.parseInt(field));
                } else if (arguments.keyword().containsKey(field)) {
                    value = arguments.keyword().get(field);
                } else {
                    throw new TemplateRuntimeException("KeyError: " + PyStrings.repr(field));
                }
                if (conversion == 'r') {
                    value = PyValues.repr(value);
                } else if (conversion == 's') {
                    value = PyValues.str(value);
                }
                out.append(applySpec(value, spec));
                i = close + 1;
            } else if (c == '}') {
                throw new TemplateRuntimeException("Single '}' encountered in format string");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static Object positional(List<Object> values, int index) {
        if (index >= values.size()) {
            throw new TemplateRuntimeException("Replacement index " + index + " out of range for positional args tuple");
        }
        return values.get(index);
    }

    /** A format-spec mini-language subset: {@code [[fill]align][0][width][.precision][type]}. */
    private static String applySpec(Object value, String spec) {
        if (spec.isEmpty()) {
            return PyValues.str(value);
        }
        int i = 0;
        char fill = ' ';
        char align = 0;
        if (spec.length() >= 2 && "<>^=".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if ("<>^=".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        if (i < spec.length() && spec.charAt(i) == '0' && align == 0) {
            fill = '0';
            align = '=';
            i++;
        }
        int widthStart = i;
        while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
            i++;
        }
        int width = i > widthStart ? Integer.parseInt(spec.substring(widthStart, i)) : 0;
        int precision = -1;
        if (i < spec.length() && spec.charAt(i) == '.') {
            int precisionStart = ++i;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            precision = Integer.parseInt(spec.substring(precisionStart, i));
        }
        char type = i < spec.length() ? spec.charAt(i++) : 0;
        if (i != spec.length()) {
            throw new TemplateRuntimeException("unsupported format specifier '" + spec + "'");
        }
        String body = convert(value, type == 0 ? (PyOperators.isNumber(value) && !(value instanceof Boolean) ? 'n' : 's') : type, precision);
        if (align == 0) {
            align = PyOperators.isNumber(value) && !(value instanceof Boolean) ? '>' : '<';
        }
        return pad(body, width, fill, align);
    }

    private static String pad(String body, int width, char fill, char align) {
        int missing = width - PyStrings.length(body);
        if (missing <= 0) {
            return body;
        }
        String f = String.valueOf(fill);
        return switch (align) {
            case '<' -> body + f.repeat(missing);
            case '^' -> f.repeat(missing / 2) + body + f.repeat(missing - missing / 2);
            case '=' -> body.startsWith("-") ? "-" + f.repeat(missing) + body.substring(1) : f.repeat(missing) + body;
            default -> f.repeat(missing) + body;
        };
    }

    private static String convert(Object value, char type, int precision) {
        return switch (type) {
            case 's' -> {
                String text = PyValues.str(value);
                yield precision >= 0 && precision < PyStrings.length(text)
                        ? text.substring(0, PyStrings.offsetOf(text, precision)) : text;
            }
            case 'r' -> PyValues.repr(value);
            case 'n' -> value instanceof Double && precision >= 0 ? fixed(value, precision) : PyValues.str(value);
            case 'd', 'i' -> Long.toString(integer(value));
            case 'x' -> Long.toHexString(integer(value));
            case 'X' -> Long.toHexString(integer(value)).toUpperCase(java.util.Locale.ROOT);
            case 'o' -> Long.toOctalString(integer(value));
            case 'f', 'F' -> fixed(value, precision < 0 ? 6 : precision);
            default -> throw new TemplateRuntimeException("unsupported format character '" + type + "'");
        };
    }

    private static long integer(Object value) {
        if (value instanceof Double d) {
            return (long) (double) d;
        }
        if (!(value instanceof Long) && !(value instanceof Boolean)) {
            throw new TemplateRuntimeException("%d format: a real number is required, not " + PyValues.typeName(value));
        }
        return PyOperators.asLong(value);
    }

    private static String fixed(Object value, int precision) {
        if (!PyOperators.isNumber(value)) {
            throw new TemplateRuntimeException("must be real number, not " + PyValues.typeName(value));
        }
        double d = PyOperators.asDouble(value);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return PyFloats.repr(d);
        }
        return new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    // ---- printf-style % --------------------------------------------------------------------------

    static String percent(String template, Object arguments) {
        List<Object> values = arguments instanceof PyTuple tuple ? tuple.items() : List.of(wrapNull(arguments));
        Map<?, ?> mapping = arguments instanceof Map<?, ?> map ? map : null;
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i >= template.length()) {
                throw new TemplateRuntimeException("incomplete format");
            }
            Object value = null;
            boolean named = false;
            if (template.charAt(i) == '(' && mapping != null) {
                int close = template.indexOf(')', i);
                if (close < 0) {
                    throw new TemplateRuntimeException("incomplete format key");
                }
                String key = template.substring(i + 1, close);
                value = PyOperators.lookup(mapping, key);
                if (Absent.is(value)) {
                    throw new TemplateRuntimeException("KeyError: " + PyStrings.repr(key));
                }
                named = true;
                i = close + 1;
            }
            boolean leftAlign = false;
            char fill = ' ';
            while (i < template.length() && "-0 +#".indexOf(template.charAt(i)) >= 0) {
                if (template.charAt(i) == '-') {
                    leftAlign = true;
                } else if (template.charAt(i) == '0') {
                    fill = '0';
                }
                i++;
            }
            int widthStart = i;
            while (i < template.length() && Character.isDigit(template.charAt(i))) {
                i++;
            }
            int width = i > widthStart ? Integer.parseInt(template.substring(widthStart, i)) : 0;
            int precision = -1;
            if (i < template.length() && template.charAt(i) == '.') {
                int precisionStart = ++i;
                while (i < template.length() && Character.isDigit(template.charAt(i))) {
                    i++;
                }
                precision = i > precisionStart ? Integer.parseInt(template.substring(precisionStart, i)) : 0;
            }
            if (i >= template.length()) {
                throw new TemplateRuntimeException("incomplete format");
            }
            char type = template.charAt(i++);
            if (type == '%') {
                out.append('%');
                continue;
            }
            if (!named) {
                if (next >= values.size()) {
                    throw new TemplateRuntimeException("not enough arguments for format string");
                }
                value = unwrapNull(values.get(next++));
            }
            String body = convert(value, type == 'i' ? 'd' : type, precision);
            out.append(pad(body, width, leftAlign ? ' ' : fill, leftAlign ? '<' : (fill == '0' ? '=' : '>')));
        }
        if (mapping == null && next < values.size()) {
            throw new TemplateRuntimeException("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static final Object NULL = new Object();

    private static Object wrapNull(Object value) {
        return value == null ? NULL : value;
    }

    private static Object unwrapNull(Object value) {
        return value == NULL ? null : value;
    }
}
