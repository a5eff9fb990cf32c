package dev.gannet.prompts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The JSON Schema type names and how a Jackson node answers to them. */
final class JsonTypes {
    private JsonTypes() {
    }

    /** Whether {@code value} has the type {@code type} names (a string or a list of strings). */
    static boolean matchesAny(JsonNode type, JsonNode value) {
        if (type.isTextual()) {
            return matches(type.textValue(), value);
        }
        if (type.isArray()) {
            for (JsonNode name : type) {
                if (name.isTextual() && matches(name.textValue(), value)) {
                    return true;
                }
            }
            return false;
        }
        return true; // A malformed "type" constrains nothing.
    }

    static boolean matches(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> isWholeNumber(value);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> true; // Unknown type names constrain nothing (see JsonSchemaValidator).
        };
    }

    /** Integers are whole numbers, and JSON Schema counts 2.0 among them. */
    static boolean isWholeNumber(JsonNode value) {
        if (value.isIntegralNumber()) {
            return true;
        }
        if (value.isFloatingPointNumber()) {
            double d = value.doubleValue();
            return !Double.isInfinite(d) && d == Math.rint(d);
        }
        return false;
    }

    /** Equality as JSON Schema means it: numbers compare by value, so 1 equals 1.0. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** "an integer", "a string or null". */
    static String describeExpected(JsonNode type) {
        List<String> names = new ArrayList<>();
        if (type.isTextual()) {
            names.add(type.textValue());
        } else {
            type.forEach(name -> names.add(name.asText()));
        }
        List<String> phrases = names.stream().map(JsonTypes::withArticle).toList();
        return String.join(" or ", phrases);
    }

    /** "a string \"ten\"", "a number 2.5", "an object". */
    static String describeActual(JsonNode value) {
        String kind = value.isTextual() ? "string"
                : isWholeNumber(value) ? "integer"
                : value.isNumber() ? "number"
                : value.isBoolean() ? "boolean"
                : value.isObject() ? "object"
                : value.isArray() ? "array"
                : "null";
        String shown = value.isContainerNode() || value.isNull() ? "" : " " + abbreviate(value.toString());
        return withArticle(kind) + shown;
    }

    private static String withArticle(String name) {
        return switch (name) {
            case "null" -> "null";
            case "integer", "object", "array" -> "an " + name;
            default -> "a " + name;
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
