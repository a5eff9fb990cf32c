package dev.gannet.prompts.template;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation in the OpenAI chat format: a role ({@code system}, {@code user},
 * {@code assistant}, {@code tool}, or whatever a template knows), text content or none, the tool calls
 * of an assistant message, the {@code tool_call_id} a tool result answers, and an optional name.
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId, String name) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        if (role.isBlank()) {
            throw new IllegalArgumentException("a message role must not be blank");
        }
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, List.of(), null, null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, List.of(), null, null);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, List.of(), null, null);
    }

    /** An assistant turn that calls tools; {@code content} is usually null. */
    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage("assistant", content, toolCalls, null, null);
    }

    /** A tool's result answering the call {@code toolCallId}. */
    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage("tool", content, List.of(), toolCallId, null);
    }

    public ChatMessage withName(String name) {
        return new ChatMessage(role, content, toolCalls, toolCallId, name);
    }
}
