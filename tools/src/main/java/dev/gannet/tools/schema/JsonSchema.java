package dev.gannet.tools.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON Schema for tool arguments, and a validator for the subset of the standard that tool
 * schemas use: {@code type} (one name or a list; {@code integer} is any number without a fraction,
 * as the standard says), {@code properties}, {@code required}, {@code additionalProperties},
 * {@code enum}, {@code items}, {@code minimum}/{@code maximum}, {@code minLength}/{@code maxLength}
 * (in code points), {@code minItems}/{@code maxItems}, and the annotations {@code description},
 * {@code title} and {@code default}.
 *
 * <p>A schema using any other keyword is rejected when it is built: a constraint the validator
 * silently ignored would let calls through that the tool's author meant to stop.
 */
public final class JsonSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYWORDS = Set.of(
            "type", "properties", "required", "additionalProperties", "enum", "items",
            "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
            "description", "title", "default");
    private static final Set<String> TYPES =
            Set.of("object", "array", "string", "integer", "number", "boolean", "null");
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final ObjectNode schema;

    private JsonSchema(ObjectNode schema) {
        this.schema = schema;
    }

    /** Builds a schema from a JSON object, refusing keywords the validator does not enforce. */
    public static JsonSchema of(JsonNode schema) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException("a schema must be a JSON object, got " + schema.getNodeType());
        }
        checkSupported(schema, "#");
        return new JsonSchema(((ObjectNode) schema).deepCopy());
    }

    /** Builds a schema from JSON text, such as a text block in a tool's source. */
    public static JsonSchema parse(String json) {
        try {
            return of(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A copy of the schema as JSON, the form handed to models. */
    public ObjectNode toJson() {
        return schema.deepCopy();
    }

    /** The schema of one property of an object schema, if it declares one. */
    public JsonNode property(String name) {
        return schema.path("properties").path(name);
    }

    /** Whether {@code name} is listed in the object schema's {@code required}. */
    public boolean isRequired(String name) {
        for (JsonNode required : schema.path("required")) {
            if (required.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every way {@code value} breaks the schema, one line each, naming where (for example
     * {@code arguments.context: expected integer, got string}); empty when it conforms.
     */
    public List<String> validate(JsonNode value, String rootName) {
        List<String> violations = new ArrayList<>();
        check(schema, value, rootName, violations);
        return violations;
    }

    private static void check(JsonNode s, JsonNode v, String where, List<String> out) {
        if (s.has("type") && !matchesType(s.get("type"), v)) {
            out.add(where + ": expected " + typeText(s.get("type")) + ", got " + describe(v));
            return;
        }
        if (s.has("enum") && !inEnum(s.get("enum"), v)) {
            out.add(where + ": must be one of " + s.get("enum") + ", got " + describe(v));
        }
        if (v.isNumber()) {
            checkRange(s, v, where, out);
        }
        if (v.isTextual()) {
            int length = v.textValue().codePointCount(0, v.textValue().length());
            if (s.has("minLength") && length < s.get("minLength").asLong()) {
                out.add(where + ": must be at least " + s.get("minLength").asLong() + " characters long");
            }
            if (s.has("maxLength") && length > s.get("maxLength").asLong()) {
                out.add(where + ": must be at most " + s.get("maxLength").asLong() + " characters long, got " + length);
            }
        }
        if (v.isArray()) {
            checkArray(s, v, where, out);
        }
        if (v.isObject()) {
            checkObject(s, (ObjectNode) v, where, out);
        }
    }

    private static void checkRange(JsonNode s, JsonNode v, String where, List<String> out) {
        BigDecimal number = v.decimalValue();
        if (s.has("minimum") && number.compareTo(s.get("minimum").decimalValue()) < 0) {
            out.add(where + ": must be at least " + s.get("minimum") + ", got " + v);
        }
        if (s.has("maximum") && number.compareTo(s.get("maximum").decimalValue()) > 0) {
            out.add(where + ": must be at most " + s.get("maximum") + ", got " + v);
        }
    }

    private static void checkArray(JsonNode s, JsonNode v, String where, List<String> out) {
        if (s.has("minItems") && v.size() < s.get("minItems").asLong()) {
            out.add(where + ": must have at least " + s.get("minItems").asLong() + " items");
        }
        if (s.has("maxItems") && v.size() > s.get("maxItems").asLong()) {
            out.add(where + ": must have at most " + s.get("maxItems").asLong() + " items, got " + v.size());
        }
        if (s.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                check(s.get("items"), v.get(i), where + "[" + i + "]", out);
            }
        }
    }

    private static void checkObject(JsonNode s, ObjectNode v, String where, List<String> out) {
        for (JsonNode required : s.path("required")) {
            if (!v.has(required.asText())) {
                out.add(where + ": missing required argument '" + required.asText() + "'");
            }
        }
        JsonNode properties = s.path("properties");
        JsonNode additional = s.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : v.properties()) {
            String name = field.getKey();
            if (properties.has(name)) {
                check(properties.get(name), field.getValue(), where + "." + name, out);
            } else if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                Set<String> known = new TreeSet<>();
                properties.fieldNames().forEachRemaining(known::add);
                out.add(where + ": unknown argument '" + name + "'; expected one of " + known);
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), where + "." + name, out);
            }
        }
    }

    private static boolean matchesType(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (matchesType(one.asText(), v)) {
                    return true;
                }
            }
            return false;
        }
        return matchesType(type.asText(), v);
    }

    private static boolean matchesType(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            case "number" -> v.isNumber();
            case "integer" -> isWholeNumberInLongRange(v);
            default -> false;
        };
    }

    /** An integer in the standard's sense (3.0 counts), small enough for a Java long. */
    private static boolean isWholeNumberInLongRange(JsonNode v) {
        if (!v.isNumber() || (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue()))) {
            return false;
        }
        BigDecimal number = v.decimalValue();
        boolean whole = number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
        return whole && number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0;
    }

    private static boolean inEnum(JsonNode allowed, JsonNode v) {
        for (JsonNode candidate : allowed) {
            if (candidate.equals(v)
                    || (candidate.isNumber() && v.isNumber()
                            && candidate.decimalValue().compareTo(v.decimalValue()) == 0)) {
                return true;
            }
        }
        return false;
    }

    private static String typeText(JsonNode type) {
        if (!type.isArray()) {
            return type.asText();
        }
        List<String> names = new ArrayList<>();
        type.forEach(t -> names.add(t.asText()));
        return String.join(" or ", names);
    }

    private static String describe(JsonNode v) {
        if (v.isIntegralNumber()) {
            return "integer " + v;
        }
        if (v.isNumber()) {
            return "number " + v;
        }
        return switch (v.getNodeType()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static void checkSupported(JsonNode s, String where) {
        if (!s.isObject()) {
            throw new IllegalArgumentException("schema at " + where + " must be an object");
        }
        for (Map.Entry<String, JsonNode> entry : s.properties()) {
            String keyword = entry.getKey();
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("schema at " + where + " uses '" + keyword
                        + "', which the validator does not enforce; supported: " + new TreeSet<>(KEYWORDS));
            }
        }
        if (s.has("type")) {
            JsonNode type = s.get("type");
            List<JsonNode> names = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(names::add);
            } else {
                names.add(type);
            }
            for (JsonNode name : names) {
                if (!name.isTextual() || !TYPES.contains(name.asText())) {
                    throw new IllegalArgumentException("schema at " + where + " has unknown type " + name);
                }
            }
        }
        for (Map.Entry<String, JsonNode> property : s.path("properties").properties()) {
            checkSupported(property.getValue(), where + "/properties/" + property.getKey());
        }
        if (s.has("items")) {
            checkSupported(s.get("items"), where + "/items");
        }
        if (s.has("additionalProperties") && s.get("additionalProperties").isObject()) {
            checkSupported(s.get("additionalProperties"), where + "/additionalProperties");
        }
    }
}
