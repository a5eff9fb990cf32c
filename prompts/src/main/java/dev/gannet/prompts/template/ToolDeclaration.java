package dev.gannet.prompts.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tool the model may call, as the OpenAI chat format declares it:
 * {@code {"type": "function", "function": {"name": …, "description": …, "parameters": {JSON schema}}}}.
 *
 * @param name        the function's name
 * @param description what it does, for the model; may be null
 * @param parameters  the JSON schema of its arguments as plain Java values; may be null
 */
public record ToolDeclaration(String name, String description, Map<String, Object> parameters) {
    public ToolDeclaration {
        Objects.requireNonNull(name, "name");
        parameters = parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
