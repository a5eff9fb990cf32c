package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A tool as the model is told about it: a name, what it is for, and the JSON schema of its
 * arguments (an object schema; the empty schema when the tool takes none).
 */
public record ToolDeclaration(String name, String description, ObjectNode parameters) {
    public ToolDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tool needs a name");
        }
    }

    /** A tool whose arguments are not described (anything goes). */
    public static ToolDeclaration withoutSchema(String name) {
        return new ToolDeclaration(name, "", JsonNodeFactory.instance.objectNode());
    }
}
