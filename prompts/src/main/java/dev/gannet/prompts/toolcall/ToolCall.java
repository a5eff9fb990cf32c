package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A tool call read from a model's output, valid against the declared tools.
 *
 * @param id        {@code call_0}, {@code call_1}, … in the order the calls appear in one message;
 *                  the same output always gives the same ids
 * @param name      the tool's name
 * @param arguments the arguments as a JSON object (an {@code arguments} given as a JSON string has
 *                  been parsed); callers must not modify it
 * @param raw       the text the call was read from, markers included
 */
public record ToolCall(String id, String name, ObjectNode arguments, String raw) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(raw, "raw");
    }
}
