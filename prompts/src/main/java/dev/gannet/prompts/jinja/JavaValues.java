package dev.gannet.prompts.jinja;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the plain Java values a caller passes (maps, lists, strings, boxed numbers, booleans, null, or
 * Jackson trees) into template values: every integer a {@link Long}, every float a {@link Double},
 * containers copied and unmodifiable, maps keeping their order.
 */
final class JavaValues {
    private JavaValues() {
    }

    static Object toTemplate(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case CharSequence s -> s.toString();
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case Double d -> d;
            case Float f -> (double) f;
            case BigInteger big -> {
                if (big.bitLength() > 63) {
                    throw new IllegalArgumentException("integer " + big + " does not fit in 64 bits");
                }
                yield big.longValue();
            }
            case BigDecimal decimal -> decimal.doubleValue();
            case JsonNode node -> fromJson(node);
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(toTemplate(k), toTemplate(v)));
                yield Collections.unmodifiableMap(copy);
            }
            case Collection<?> items -> {
                List<Object> copy = new ArrayList<>(items.size());
                items.forEach(item -> copy.add(toTemplate(item)));
                yield Collections.unmodifiableList(copy);
            }
            case Object[] items -> toTemplate(java.util.Arrays.asList(items));
            case Undefined u -> u;
            case Markup m -> m;
            case PyTuple t -> t;
            default -> throw new IllegalArgumentException("a template cannot use a " + value.getClass().getName());
        };
    }

    private static Object fromJson(JsonNode node) {
        if (node.isObject()) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), fromJson(field.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(fromJson(item)));
            return Collections.unmodifiableList(items);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return toTemplate(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isNull()) {
            return null;
        }
        throw new IllegalArgumentException("a template cannot use the JSON value " + node);
    }
}
