package dev.gannet.prompts.grammar;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles a tool's JSON schema into the {@link ValueSpec} the grammar walks. Everything the
 * grammar allows is valid against the schema (the {@code JsonSchemaValidator} subset); it may
 * allow less than the schema does:
 * <ul>
 *   <li>undeclared properties only where {@code additionalProperties} is {@code true} or a schema
 *       (JSON Schema allows them by default; a model has no business inventing them);</li>
 *   <li>keys written without escapes;</li>
 *   <li>{@code enum} and {@code const} values written compactly ({@code {"a":1}}, not
 *       {@code { "a" : 1 }});</li>
 *   <li>keywords outside the subset ({@code anyOf}, {@code pattern}, …) do not constrain.</li>
 * </ul>
 */
final class SchemaCompiler {
    private SchemaCompiler() {
    }

    static ValueSpec compile(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull()
                || schema.isBoolean() && schema.booleanValue() || !schema.isObject()) {
            return ValueSpec.AnyValue.INSTANCE;
        }
        JsonNode values = schema.has("enum") ? schema.get("enum") : null;
        if (schema.has("const")) {
            return new ValueSpec.LiteralValue(List.of(schema.get("const").toString()));
        }
        if (values != null && values.isArray() && !values.isEmpty()) {
            List<String> literals = new ArrayList<>();
            values.forEach(value -> literals.add(value.toString()));
            return new ValueSpec.LiteralValue(literals);
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            Set<String> names = new LinkedHashSet<>();
            type.forEach(name -> names.add(name.asText()));
            if (names.contains("number")) {
                names.remove("integer"); // Every integer is a number; the first character cannot tell them apart.
            }
            List<ValueSpec> alternatives = new ArrayList<>();
            for (String name : names) {
                alternatives.add(ofType(name, schema));
            }
            return alternatives.size() == 1 ? alternatives.getFirst() : new ValueSpec.UnionValue(alternatives);
        }
        if (type != null && type.isTextual()) {
            return ofType(type.textValue(), schema);
        }
        if (schema.has("properties")) {
            return object(schema);
        }
        if (schema.has("items")) {
            return new ValueSpec.ArrayValue(compile(schema.get("items")));
        }
        return ValueSpec.AnyValue.INSTANCE;
    }

    private static ValueSpec ofType(String type, JsonNode schema) {
        return switch (type) {
            case "string" -> ValueSpec.StringValue.INSTANCE;
            case "integer" -> ValueSpec.NumberValue.INTEGER;
            case "number" -> ValueSpec.NumberValue.ANY;
            case "boolean" -> new ValueSpec.LiteralValue(List.of("true", "false"));
            case "null" -> new ValueSpec.LiteralValue(List.of("null"));
            case "object" -> object(schema);
            case "array" -> new ValueSpec.ArrayValue(compile(schema.get("items")));
            default -> ValueSpec.AnyValue.INSTANCE;
        };
    }

    private static ValueSpec.ObjectValue object(JsonNode schema) {
        List<String> names = new ArrayList<>();
        List<ValueSpec> values = new ArrayList<>();
        JsonNode properties = schema.path("properties");
        for (String name : (Iterable<String>) properties::fieldNames) {
            JsonNode property = properties.get(name);
            if (property.isBoolean() && !property.booleanValue()) {
                continue; // A property that may not be present at all.
            }
            names.add(name);
            values.add(compile(property));
        }
        long required = 0;
        for (JsonNode name : schema.path("required")) {
            int index = names.indexOf(name.asText());
            if (index < 0) {
                // Required but not described: any value will do.
                names.add(name.asText());
                values.add(ValueSpec.AnyValue.INSTANCE);
                index = names.size() - 1;
            }
            required |= 1L << index;
        }
        JsonNode additional = schema.get("additionalProperties");
        ValueSpec extra = additional == null || additional.isBoolean() && !additional.booleanValue() ? null
                : compile(additional);
        return new ValueSpec.ObjectValue(names, values, required, extra);
    }
}
