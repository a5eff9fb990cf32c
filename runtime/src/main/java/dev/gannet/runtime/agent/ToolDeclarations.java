package dev.gannet.runtime.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.prompts.template.ToolDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tool declarations in OpenAI's {@code tools} form, as the chat templates take them. */
public final class ToolDeclarations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ToolDeclarations() {
    }

    /**
     * Reads {@code [{"type":"function","function":{"name","description","parameters"}}, …]}.
     *
     * @throws IllegalArgumentException naming the entry that is not a function declaration
     */
    public static List<ToolDeclaration> fromOpenAi(JsonNode tools) {
        List<ToolDeclaration> declarations = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode function = tools.get(i).path("function");
            if (!function.path("name").isTextual() || function.path("name").asText().isBlank()) {
                throw new IllegalArgumentException("tools[" + i + "] has no function name");
            }
            JsonNode parameters = function.path("parameters");
            Map<String, Object> schema = parameters.isObject() ? JSON.convertValue(parameters, OBJECT) : null;
            String description = function.path("description").isTextual() ? function.get("description").asText() : null;
            declarations.add(new ToolDeclaration(function.get("name").asText(), description, schema));
        }
        return declarations;
    }

    /** A call's arguments as the chat templates take them. */
    static Map<String, Object> argumentsAsMap(JsonNode arguments) {
        return JSON.convertValue(arguments, OBJECT);
    }
}
