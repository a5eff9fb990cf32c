package dev.gannet.prompts.template;

import dev.gannet.prompts.jinja.PyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversation as a template sees it: the dicts Hugging Face's {@code apply_chat_template} passes
 * for the OpenAI chat format. Keys a message does not have are absent (so {@code 'tool_calls' in message}
 * and {@code message.name is defined} work), content is always present (None when empty-handed).
 */
final class ConversationValues {
    private ConversationValues() {
    }

    static List<Object> messages(List<ChatMessage> messages, ToolArgumentsStyle style) {
        List<Object> values = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            values.add(message(message, style));
        }
        return values;
    }

    private static Map<String, Object> message(ChatMessage message, ToolArgumentsStyle style) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("role", message.role());
        value.put("content", message.content());
        if (!message.toolCalls().isEmpty()) {
            List<Object> calls = new ArrayList<>();
            for (ToolCall call : message.toolCalls()) {
                calls.add(toolCall(call, style));
            }
            value.put("tool_calls", calls);
        }
        if (message.toolCallId() != null) {
            value.put("tool_call_id", message.toolCallId());
        }
        if (message.name() != null) {
            value.put("name", message.name());
        }
        return value;
    }

    private static Map<String, Object> toolCall(ToolCall call, ToolArgumentsStyle style) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", call.name());
        function.put("arguments", style == ToolArgumentsStyle.JSON_STRING
                ? PyJson.dumps(call.arguments(), PyJson.Options.HUGGING_FACE) : call.arguments());
        Map<String, Object> value = new LinkedHashMap<>();
        if (call.id() != null) {
            value.put("id", call.id());
        }
        value.put("type", "function");
        value.put("function", function);
        return value;
    }

    /** The tools as OpenAI declares them, or null (Python's None) when there are none. */
    static List<Object> tools(List<ToolDeclaration> tools) {
        if (tools == null || tools.isEmpty()) {
            return null;
        }
        List<Object> values = new ArrayList<>(tools.size());
        for (ToolDeclaration tool : tools) {
            Map<String, Object> function = new LinkedHashMap<>();
            function.put("name", tool.name());
            if (tool.description() != null) {
                function.put("description", tool.description());
            }
            if (tool.parameters() != null) {
                function.put("parameters", tool.parameters());
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", "function");
            value.put("function", function);
            values.add(value);
        }
        return values;
    }
}
