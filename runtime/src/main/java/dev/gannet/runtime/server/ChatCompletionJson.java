package dev.gannet.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.runtime.backend.Completion;
import java.util.List;

/**
 * The JSON objects of OpenAI's chat completions API: {@code chat.completion} for a whole answer and
 * {@code chat.completion.chunk} for each server-sent event of a streamed one.
 */
final class ChatCompletionJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final long created;
    private final String model;

    /**
     * @param id      the response's id ({@code chatcmpl-…}), the same on every chunk of a stream
     * @param created Unix seconds
     * @param model   the id of the model that generated it
     */
    ChatCompletionJson(String id, long created, String model) {
        this.id = id;
        this.created = created;
        this.model = model;
    }

    /** A whole answer: content (null when there is none, as beside tool calls), the calls, usage. */
    ObjectNode completion(String content, List<ToolCall> calls, List<String> callIds, String finishReason,
                          Completion.Usage usage) {
        ObjectNode message = JSON.createObjectNode();
        message.put("role", "assistant");
        message.put("content", content.isEmpty() && !calls.isEmpty() ? null : content);
        message.putNull("refusal");
        if (!calls.isEmpty()) {
            ArrayNode toolCalls = message.putArray("tool_calls");
            for (int i = 0; i < calls.size(); i++) {
                ObjectNode call = toolCalls.addObject();
                call.put("id", callIds.get(i));
                call.put("type", "function");
                call.putObject("function").put("name", calls.get(i).name())
                        .put("arguments", calls.get(i).arguments().toString());
            }
        }
        ObjectNode body = envelope("chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        body.set("usage", usage(usage));
        return body;
    }

    /** A chunk with one choice carrying {@code delta}; {@code finishReason} null until the last. */
    ObjectNode chunk(ObjectNode delta, String finishReason, boolean withNullUsage) {
        ObjectNode body = envelope("chat.completion.chunk");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (withNullUsage) {
            // With include_usage, OpenAI sends "usage": null on every chunk but the last.
            body.putNull("usage");
        }
        return body;
    }

    /** The chunk after the last choice chunk when the client asked for usage: no choices, the totals. */
    ObjectNode usageChunk(Completion.Usage usage) {
        ObjectNode body = envelope("chat.completion.chunk");
        body.putArray("choices");
        body.set("usage", usage(usage));
        return body;
    }

    static ObjectNode usage(Completion.Usage usage) {
        ObjectNode node = JSON.createObjectNode();
        node.put("prompt_tokens", usage.promptTokens());
        node.put("completion_tokens", usage.completionTokens());
        node.put("total_tokens", usage.promptTokens() + usage.completionTokens());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedPromptTokens());
        return node;
    }

    private ObjectNode envelope(String object) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.put("object", object);
        body.put("created", created);
        body.put("model", model);
        body.putNull("system_fingerprint");
        return body;
    }
}
