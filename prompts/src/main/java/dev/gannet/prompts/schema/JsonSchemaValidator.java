package dev.gannet.prompts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against the subset of JSON Schema that tool declarations use: {@code type}
 * (one or a list; {@code integer} is a whole number, {@code 2.0} included, as the specification
 * says), {@code enum}, {@code const}, {@code properties}, {@code required},
 * {@code additionalProperties} (a boolean or a schema), {@code items}, nested to any depth, and
 * the boolean schemas {@code true} and {@code false}.
 *
 * <p>Keywords outside the subset ({@code anyOf}, {@code pattern}, {@code minimum}, …) are ignored,
 * which makes the validator more permissive than a full one, never stricter: a call it refuses is
 * wrong under any reading of the schema. All violations are reported, not only the first, so a
 * model can fix every one in a single retry.
 */
public final class JsonSchemaValidator {
    private JsonSchemaValidator() {
    }

    /** Every violation of {@code schema} by {@code value}; empty when the value is valid. */
    public static List<SchemaViolation> validate(JsonNode schema, JsonNode value) {
        List<SchemaViolation> violations = new ArrayList<>();
        check(schema, value, "", violations);
        return List.copyOf(violations);
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<SchemaViolation> out) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return;
        }
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                out.add(new SchemaViolation(path, "is not allowed here"));
            }
            return;
        }
        if (!schema.isObject()) {
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null && !JsonTypes.matchesAny(type, value)) {
            out.add(new SchemaViolation(path, "must be " + JsonTypes.describeExpected(type)
                    + " (got " + JsonTypes.describeActual(value) + ")"));
            // The other keywords speak about a value of the right type; checking them would only add noise.
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
            out.add(new SchemaViolation(path, "must be one of " + allowed + " (got " + value + ")"));
        }
        JsonNode constant = schema.get("const");
        if (constant != null && !JsonTypes.sameValue(constant, value)) {
            out.add(new SchemaViolation(path, "must be " + constant + " (got " + value + ")"));
        }
        if (value.isObject()) {
            checkObject(schema, value, path, out);
        } else if (value.isArray()) {
            JsonNode items = schema.get("items");
            if (items != null) {
                for (int i = 0; i < value.size(); i++) {
                    check(items, value.get(i), path + "[" + i + "]", out);
                }
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<SchemaViolation> out) {
        JsonNode properties = schema.path("properties");
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            for (JsonNode name : required) {
                if (name.isTextual() && !value.has(name.textValue())) {
                    out.add(new SchemaViolation(child(path, name.textValue()), "is required but missing"));
                }
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String fieldPath = child(path, field.getKey());
            JsonNode declared = properties.get(field.getKey());
            if (declared != null) {
                check(declared, field.getValue(), fieldPath, out);
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                out.add(new SchemaViolation(fieldPath, "is not a known property"
                        + (properties.isObject() && !properties.isEmpty() ? " (known: " + names(properties) + ")" : "")));
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), fieldPath, out);
            }
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (JsonTypes.sameValue(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
