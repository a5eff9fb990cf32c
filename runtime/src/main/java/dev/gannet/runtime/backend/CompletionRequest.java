package dev.gannet.runtime.backend;

import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolDeclaration;
import java.util.List;
import java.util.Objects;

/**
 * One turn to generate.
 *
 * @param messages     the conversation so far (system prompt included when the caller wants one)
 * @param tools        tools the model may call; empty for none
 * @param toolChoice   whether the model may, must, or must not call a tool
 * @param settings     sampling, length limit and stop strings
 * @param cacheKey     names the conversation so a backend may keep its evaluated prefix (the KV cache)
 *                     for the next turn; null when the request stands alone
 * @param cancellation flips when the client goes away or asks to stop
 */
public record CompletionRequest(List<ChatMessage> messages, List<ToolDeclaration> tools, ToolChoice toolChoice,
                                GenerationSettings settings, String cacheKey, Cancellation cancellation) {
    public CompletionRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(cancellation, "cancellation");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a completion needs at least one message");
        }
    }

    public static CompletionRequest of(List<ChatMessage> messages, List<ToolDeclaration> tools,
                                       GenerationSettings settings) {
        return new CompletionRequest(messages, tools, ToolChoice.auto(), settings, null, new Cancellation());
    }

    public CompletionRequest withCacheKey(String key) {
        return new CompletionRequest(messages, tools, toolChoice, settings, key, cancellation);
    }

    public CompletionRequest withCancellation(Cancellation c) {
        return new CompletionRequest(messages, tools, toolChoice, settings, cacheKey, c);
    }

    public CompletionRequest withToolChoice(ToolChoice choice) {
        return new CompletionRequest(messages, tools, choice, settings, cacheKey, cancellation);
    }
}
