package dev.gannet.prompts.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One function call an assistant message makes, in the OpenAI chat format ({@code type} is always
 * {@code "function"}). The arguments are the parsed JSON object, in the model's key order; templates
 * receive them as a dict, or as JSON text when the template concatenates them (see
 * {@link ToolArgumentsStyle}).
 *
 * @param id        the call's id, echoed by the tool result's {@code tool_call_id}; may be null
 * @param name      the function's name
 * @param arguments the arguments: JSON values as plain Java (maps, lists, strings, numbers, booleans, null)
 */
public record ToolCall(String id, String name, Map<String, Object> arguments) {
    public ToolCall {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
