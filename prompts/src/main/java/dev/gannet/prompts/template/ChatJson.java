package dev.gannet.prompts.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads conversations and tool lists in the OpenAI chat format: either the bare array or an object with
 * a {@code "messages"} (or {@code "tools"}) array, as a chat-completions request carries them. Tool-call
 * arguments may be the JSON text OpenAI sends or an object; text content may be a string, null, or an
 * array of {@code {"type": "text"}} parts (joined).
 */
public final class ChatJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatJson() {
    }

    public static List<ChatMessage> messages(String json) {
        return messages(tree(json, "messages"));
    }

    public static List<ChatMessage> messages(JsonNode root) {
        JsonNode array = unwrap(root, "messages");
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(array.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    public static List<ToolDeclaration> tools(String json) {
        return tools(tree(json, "tools"));
    }

    public static List<ToolDeclaration> tools(JsonNode root) {
        if (root == null || root.isNull()) {
            return List.of();
        }
        JsonNode array = unwrap(root, "tools");
        List<ToolDeclaration> tools = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            tools.add(tool(array.get(i), "tools[" + i + "]"));
        }
        return tools;
    }

    private static JsonNode tree(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ChatFormatException(what + " are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode unwrap(JsonNode root, String key) {
        JsonNode array = root != null && root.isObject() ? root.get(key) : root;
        if (array == null || !array.isArray()) {
            throw new ChatFormatException("expected a JSON array of " + key + ", or an object with a \"" + key + "\" array");
        }
        return array;
    }

    private static ChatMessage message(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new ChatFormatException(where + " is not an object");
        }
        String role = requiredText(node, "role", where);
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = node.get("tool_calls");
        if (toolCalls != null && !toolCalls.isNull()) {
            if (!toolCalls.isArray()) {
                throw new ChatFormatException(where + ".tool_calls is not an array");
            }
            for (int i = 0; i < toolCalls.size(); i++) {
                calls.add(toolCall(toolCalls.get(i), where + ".tool_calls[" + i + "]"));
            }
        }
        return new ChatMessage(role, content(node.get("content"), where), calls,
                optionalText(node, "tool_call_id", where), optionalText(node, "name", where));
    }

    private static String content(JsonNode content, String where) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                    throw new ChatFormatException(where + ".content holds a part that is not {\"type\": \"text\", \"text\": …}");
                }
                text.append(part.get("text").textValue());
            }
            return text.toString();
        }
        throw new ChatFormatException(where + ".content is neither a string, null, nor an array of text parts");
    }

    private static ToolCall toolCall(JsonNode node, String where) {
        String type = node.path("type").asText("function");
        if (!type.equals("function")) {
            throw new ChatFormatException(where + " has type \"" + type + "\"; only \"function\" calls are supported");
        }
        JsonNode function = node.get("function");
        if (function == null || !function.isObject()) {
            throw new ChatFormatException(where + " has no \"function\" object");
        }
        String name = requiredText(function, "name", where + ".function");
        return new ToolCall(optionalText(node, "id", where), name, arguments(function.get("arguments"), where + ".function.arguments"));
    }

    private static Map<String, Object> arguments(JsonNode arguments, String where) {
        JsonNode object = arguments;
        if (arguments == null || arguments.isNull()) {
            return Map.of();
        }
        if (arguments.isTextual()) {
            try {
                object = JSON.readTree(arguments.textValue());
            } catch (JsonProcessingException e) {
                throw new ChatFormatException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        if (object == null || !object.isObject()) {
            throw new ChatFormatException(where + " is not a JSON object");
        }
        return plainMap(object);
    }

    private static ToolDeclaration tool(JsonNode node, String where) {
        String type = node.path("type").asText("function");
        if (!type.equals("function")) {
            throw new ChatFormatException(where + " has type \"" + type + "\"; only \"function\" tools are supported");
        }
        JsonNode function = node.has("function") ? node.get("function") : node;
        if (!function.isObject()) {
            throw new ChatFormatException(where + ".function is not an object");
        }
        JsonNode parameters = function.get("parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            throw new ChatFormatException(where + ".function.parameters is not a JSON schema object");
        }
        return new ToolDeclaration(requiredText(function, "name", where + ".function"),
                optionalText(function, "description", where + ".function"),
                parameters == null || parameters.isNull() ? null : plainMap(parameters));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plainMap(JsonNode object) {
        // Jackson keeps the document's key order (LinkedHashMap), which templates print back.
        return JSON.convertValue(object, Map.class);
    }

    private static String requiredText(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw new ChatFormatException(where + " has no string \"" + key + "\"");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ChatFormatException(where + "." + key + " is not a string");
        }
        return value.textValue();
    }
}
