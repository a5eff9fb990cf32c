package dev.gannet.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.tools.schema.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The arguments of one call, already validated against the tool's schema, with typed accessors.
 * An absent optional argument takes the {@code default} its schema declares, so the default the
 * model reads and the default the tool applies are the same number.
 */
public final class ToolArguments {
    private final ObjectNode values;
    private final JsonSchema schema;

    ToolArguments(ObjectNode values, JsonSchema schema) {
        this.values = values;
        this.schema = schema;
    }

    /** A string argument the schema requires or gives a default. */
    public String string(String name) {
        return optionalString(name).orElseThrow(() -> undeclared(name));
    }

    public Optional<String> optionalString(String name) {
        return value(name).map(JsonNode::textValue);
    }

    /** An integer argument the schema requires or gives a default. */
    public long integer(String name) {
        OptionalLong value = optionalInteger(name);
        if (value.isEmpty()) {
            throw undeclared(name);
        }
        return value.getAsLong();
    }

    public OptionalLong optionalInteger(String name) {
        // The validator has checked that the value is whole and fits a long.
        return value(name).map(v -> OptionalLong.of(v.decimalValue().longValueExact())).orElse(OptionalLong.empty());
    }

    /** A boolean argument; false when absent and without a default. */
    public boolean flag(String name) {
        return value(name).map(JsonNode::booleanValue).orElse(false);
    }

    /** An argument that may be one string or an array of strings; empty when absent. */
    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        value(name).ifPresent(v -> {
            if (v.isArray()) {
                v.forEach(item -> out.add(item.textValue()));
            } else {
                out.add(v.textValue());
            }
        });
        return out;
    }

    /** The arguments as the model sent them (after validation). */
    public ObjectNode json() {
        return values.deepCopy();
    }

    private Optional<JsonNode> value(String name) {
        JsonNode given = values.get(name);
        if (given != null && !given.isNull()) {
            return Optional.of(given);
        }
        JsonNode fallback = schema.property(name).get("default");
        return Optional.ofNullable(fallback);
    }

    private IllegalStateException undeclared(String name) {
        return new IllegalStateException("argument '" + name + "' is absent and its schema gives no default");
    }
}
