package dev.gannet.runtime.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolCall;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.runtime.template.ChosenTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * For chat templates that know nothing of tools (SmolLM2's plain ChatML, Gemma's): the tool
 * declarations go into the system message, one JSON object per line, and earlier calls are written
 * back into the assistant messages as the JSON the system prompt taught, so the model sees the tools
 * it may call and the calls it already made. Templates that render tools themselves are left alone.
 */
final class ToolsInSystemPrompt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBE = "gannet_probe_tool_7f3a";

    private ToolsInSystemPrompt() {
    }

    /** Whether the template writes the tools it is given into the prompt (checked once, with a probe tool). */
    static boolean templateRendersTools(ChosenTemplate template) {
        List<ChatMessage> probe = List.of(ChatMessage.system("s"), ChatMessage.user("u"));
        ToolDeclaration tool = new ToolDeclaration(PROBE, "probe", java.util.Map.of("type", "object"));
        try {
            return template.template().render(probe, List.of(tool), true, template.bos(), template.eos()).contains(PROBE);
        } catch (RuntimeException e) {
            return false; // A template that fails on tools cannot be given them.
        }
    }

    /** The conversation with the tools in its system message and calls written as JSON text. */
    static List<ChatMessage> inline(List<ChatMessage> messages, List<ToolDeclaration> tools) {
        List<ChatMessage> result = new ArrayList<>(messages.size() + 1);
        String listing = listing(tools);
        boolean placed = false;
        for (ChatMessage message : messages) {
            if (!placed && message.role().equals("system")) {
                String content = message.content() == null ? "" : message.content();
                result.add(ChatMessage.system(content + "\n\n" + listing));
                placed = true;
            } else if (message.role().equals("assistant") && !message.toolCalls().isEmpty()) {
                result.add(ChatMessage.assistant(withCalls(message)));
            } else {
                result.add(message);
            }
        }
        if (!placed) {
            result.addFirst(ChatMessage.system(listing));
        }
        return result;
    }

    private static String listing(List<ToolDeclaration> tools) {
        StringBuilder text = new StringBuilder("Available tools:");
        for (ToolDeclaration tool : tools) {
            ObjectNode declaration = JSON.createObjectNode().put("name", tool.name());
            if (tool.description() != null) {
                declaration.put("description", tool.description());
            }
            if (tool.parameters() != null) {
                declaration.set("parameters", JSON.valueToTree(tool.parameters()));
            }
            text.append('\n').append(declaration);
        }
        return text.toString();
    }

    private static String withCalls(ChatMessage message) {
        StringBuilder text = new StringBuilder(message.content() == null ? "" : message.content().strip());
        for (ToolCall call : message.toolCalls()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            try {
                text.append(JSON.writeValueAsString(java.util.Map.of("name", call.name(), "arguments", call.arguments())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed tool call could not be written back as JSON", e);
            }
        }
        return text.toString();
    }
}
