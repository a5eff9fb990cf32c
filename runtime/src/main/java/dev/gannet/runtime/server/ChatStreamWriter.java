package dev.gannet.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;
import dev.gannet.runtime.backend.Completion;
import dev.gannet.runtime.backend.CompletionListener;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes one streamed chat completion as server-sent events, exactly as OpenAI does: a first chunk
 * with the role, content deltas, for each tool call a chunk with its index, id, type, name and empty
 * arguments followed by chunks of argument fragments, a last chunk with the finish reason and an
 * empty delta, the usage chunk when asked for, then {@code data: [DONE]}. Runs on the event loop.
 *
 * <p>Headers go out with the first chunk, so a failure before any output is still an ordinary HTTP
 * error; a failure later is a {@code data: {"error": …}} event, which OpenAI's clients raise.
 */
final class ChatStreamWriter implements CompletionListener {
    private final HttpServerResponse response;
    private final ChatCompletionJson json;
    private final boolean includeUsage;
    private final boolean parallelToolCalls;
    private boolean started;
    private int calls;

    ChatStreamWriter(HttpServerResponse response, ChatCompletionJson json, ChatCall call) {
        this.response = response;
        this.json = json;
        this.includeUsage = call.includeUsage();
        this.parallelToolCalls = call.parallelToolCalls();
    }

    @Override
    public void text(String delta) {
        if (delta.isEmpty()) {
            return;
        }
        start();
        ObjectNode content = ChatCompletionJson.JSON.createObjectNode().put("content", delta);
        send(json.chunk(content, null, includeUsage));
    }

    @Override
    public void toolCall(ToolCall call) {
        if (!parallelToolCalls && calls > 0) {
            return;
        }
        start();
        int index = calls++;
        ObjectNode opening = ChatCompletionJson.JSON.createObjectNode();
        opening.put("index", index).put("id", ResponseIds.toolCall()).put("type", "function");
        opening.putObject("function").put("name", call.name()).put("arguments", "");
        send(json.chunk(toolCallsDelta(opening), null, includeUsage));
        for (String fragment : ArgumentFragments.split(call.arguments().toString())) {
            ObjectNode piece = ChatCompletionJson.JSON.createObjectNode().put("index", index);
            piece.putObject("function").put("arguments", fragment);
            send(json.chunk(toolCallsDelta(piece), null, includeUsage));
        }
    }

    @Override
    public void toolCallFailed(ToolCallError error) {
        text(error.raw());
    }

    void finish(Completion completion) {
        if (response.closed() || response.ended()) {
            return;
        }
        start();
        String reason = calls > 0 && completion.finish() == Completion.FinishReason.STOP
                ? "tool_calls" : completion.finish().openAiName();
        send(json.chunk(ChatCompletionJson.JSON.createObjectNode(), reason, includeUsage));
        if (includeUsage) {
            send(json.usageChunk(completion.usage()));
        }
        response.end("data: [DONE]\n\n");
    }

    void fail(ApiError error) {
        if (response.closed() || response.ended()) {
            return;
        }
        if (!started) {
            ErrorResponses.send(response, error);
            return;
        }
        response.end("data: " + error.toJson() + "\n\n");
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache");
        ObjectNode role = ChatCompletionJson.JSON.createObjectNode().put("role", "assistant").put("content", "");
        send(json.chunk(role, null, includeUsage));
    }

    private void send(ObjectNode chunk) {
        if (!response.closed()) {
            response.write("data: " + chunk + "\n\n");
        }
    }

    private static ObjectNode toolCallsDelta(ObjectNode call) {
        ObjectNode delta = ChatCompletionJson.JSON.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return delta;
    }
}
