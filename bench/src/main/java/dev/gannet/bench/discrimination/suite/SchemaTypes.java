package dev.gannet.bench.discrimination.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Rewrites BFCL's parameter schemas into JSON Schema. BFCL names Python types: {@code dict} is an
 * object, {@code float} a number, {@code tuple} an array, and {@code any} anything (no type at all);
 * a grammar or a validator that reads JSON Schema would otherwise refuse or ignore them.
 */
final class SchemaTypes {
    private SchemaTypes() {
    }

    /** A converted deep copy; the input is not changed. */
    static JsonNode toJsonSchema(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        convert(copy);
        return copy;
    }

    private static void convert(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(SchemaTypes::convert);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        JsonNode type = object.get("type");
        if (type != null && type.isTextual()) {
            String converted = jsonSchemaType(type.textValue());
            if (converted == null) {
                object.remove("type");
            } else {
                object.put("type", converted);
            }
        }
        // Recurse only where schemas live: property values and items, not into enum or default values.
        JsonNode properties = object.get("properties");
        if (properties != null && properties.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                convert(it.next().getValue());
            }
        }
        for (String key : new String[] {"items", "additionalProperties", "anyOf", "oneOf", "allOf"}) {
            JsonNode child = object.get(key);
            if (child != null) {
                convert(child);
            }
        }
    }

    /** The JSON Schema name of a BFCL type name, or null for "any". */
    static String jsonSchemaType(String bfclType) {
        return switch (bfclType) {
            case "dict" -> "object";
            case "float" -> "number";
            case "tuple", "list" -> "array";
            case "any" -> null;
            default -> bfclType;
        };
    }
}
