package dev.gannet.runtime.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.schema.JsonSchemaValidator;
import dev.gannet.prompts.schema.SchemaViolation;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the chunks of a streamed chat completion ({@code chat.completion.chunk} objects, one per
 * event) into a {@link Completion}: content deltas go to the listener at once; tool-call deltas are
 * gathered per {@code index} (the id and name arrive first, the arguments text in pieces) and the
 * calls are checked and handed on when the stream ends. One per turn; not thread-safe.
 */
final class OpenAiStreamReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DONE = "[DONE]";

    /** A call as its deltas have built it so far. */
    private static final class PartialCall {
        String id;
        final StringBuilder name = new StringBuilder();
        final StringBuilder arguments = new StringBuilder();
    }

    private final String server;
    private final List<ToolDeclaration> tools;
    private final CompletionListener listener;
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, PartialCall> calls = new TreeMap<>();
    private String finishReason;
    private JsonNode usage;
    private JsonNode timings;
    private boolean done;

    OpenAiStreamReader(String server, List<ToolDeclaration> tools, CompletionListener listener) {
        this.server = server;
        this.tools = tools;
        this.listener = listener;
    }

    /** Whether {@code [DONE]} arrived. */
    boolean isDone() {
        return done;
    }

    /** Whether any chunk arrived. */
    boolean sawChunks() {
        return done || finishReason != null || usage != null || !text.isEmpty() || !calls.isEmpty();
    }

    /** One event's data. */
    void accept(String data) {
        if (data.strip().equals(DONE)) {
            done = true;
            return;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new BackendException("the model server at " + server + " sent an event that is not JSON: "
                    + abbreviate(data));
        }
        if (chunk.has("error")) {
            throw new BackendException("the model server at " + server + " failed: " + errorMessage(chunk));
        }
        if (chunk.hasNonNull("usage")) {
            usage = chunk.get("usage");
        }
        if (chunk.hasNonNull("timings")) {
            timings = chunk.get("timings");
        }
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode delta = choice.path("delta");
            String content = delta.path("content").asText("");
            if (delta.hasNonNull("content") && !content.isEmpty()) {
                text.append(content);
                listener.text(content);
            }
            for (JsonNode call : delta.path("tool_calls")) {
                PartialCall partial = calls.computeIfAbsent(call.path("index").asInt(calls.size()), i -> new PartialCall());
                if (call.hasNonNull("id")) {
                    partial.id = call.get("id").asText();
                }
                JsonNode function = call.path("function");
                if (function.hasNonNull("name")) {
                    partial.name.append(function.get("name").asText());
                }
                if (function.hasNonNull("arguments")) {
                    partial.arguments.append(function.get("arguments").asText());
                }
            }
            if (choice.hasNonNull("finish_reason")) {
                finishReason = choice.get("finish_reason").asText();
            }
        }
    }

    /** The turn, its calls checked and handed to the listener. */
    Completion finish(boolean cancelled, long promptNanos, long generationNanos) {
        List<ToolCall> valid = new ArrayList<>();
        List<ToolCallError> failed = new ArrayList<>();
        // The server parsed the calls out of the model's text; the raw text is rebuilt from what it sent.
        StringBuilder rawText = new StringBuilder(text);
        int index = 0;
        for (PartialCall partial : calls.values()) {
            String id = partial.id != null ? partial.id : "call_" + index;
            index++;
            String raw = "{\"name\": " + JSON.getNodeFactory().textNode(partial.name.toString())
                    + ", \"arguments\": " + partial.arguments + "}";
            rawText.append(rawText.isEmpty() ? "" : "\n").append(raw);
            ToolCallOrError checked = check(id, partial.name.toString(), partial.arguments.toString(), raw);
            if (checked.call() != null) {
                valid.add(checked.call());
                listener.toolCall(checked.call());
            } else {
                failed.add(checked.error());
                listener.toolCallFailed(checked.error());
            }
        }
        Completion.FinishReason finish = cancelled ? Completion.FinishReason.CANCELLED : switch (finishReason == null ? "stop" : finishReason) {
            case "length" -> Completion.FinishReason.LENGTH;
            case "tool_calls", "function_call" -> Completion.FinishReason.TOOL_CALLS;
            default -> valid.isEmpty() ? Completion.FinishReason.STOP : Completion.FinishReason.TOOL_CALLS;
        };
        return new Completion(text.toString(), valid, failed, rawText.toString(), finish, usage(promptNanos, generationNanos));
    }

    private record ToolCallOrError(ToolCall call, ToolCallError error) {
    }

    private ToolCallOrError check(String id, String name, String argumentsText, String raw) {
        Optional<String> tool = name.isEmpty() ? Optional.empty() : Optional.of(name);
        if (name.isEmpty()) {
            return failure(ToolCallError.Kind.MALFORMED_CALL, tool, "the call has no function name", raw);
        }
        Optional<ToolDeclaration> declared = tools.stream().filter(t -> t.name().equals(name)).findFirst();
        if (declared.isEmpty()) {
            return failure(ToolCallError.Kind.UNKNOWN_TOOL, tool, "there is no tool called " + name, raw);
        }
        JsonNode arguments;
        try {
            arguments = argumentsText.isBlank() ? JSON.createObjectNode() : JSON.readTree(argumentsText);
        } catch (JsonProcessingException e) {
            return failure(ToolCallError.Kind.INVALID_JSON, tool,
                    "the arguments of the call to " + name + " are not valid JSON: " + e.getOriginalMessage(), raw);
        }
        if (!(arguments instanceof ObjectNode object)) {
            return failure(ToolCallError.Kind.MALFORMED_CALL, tool,
                    "the arguments of the call to " + name + " must be a JSON object", raw);
        }
        if (declared.get().parameters() != null) {
            List<SchemaViolation> violations = JsonSchemaValidator.validate(JSON.valueToTree(declared.get().parameters()), object);
            if (!violations.isEmpty()) {
                return failure(ToolCallError.Kind.INVALID_ARGUMENTS, tool,
                        "the arguments of the call to " + name + " break its schema: " + violations.getFirst().describe(), raw);
            }
        }
        return new ToolCallOrError(new ToolCall(id, name, object, raw), null);
    }

    private static ToolCallOrError failure(ToolCallError.Kind kind, Optional<String> tool, String message, String raw) {
        return new ToolCallOrError(null, new ToolCallError(kind, tool, message, raw));
    }

    /**
     * The server's counts where it gives them: OpenAI's {@code usage} (cached tokens in
     * {@code prompt_tokens_details}), else llama.cpp's {@code timings} ({@code cache_n}).
     */
    private Completion.Usage usage(long promptNanos, long generationNanos) {
        int prompt = usage == null ? 0 : usage.path("prompt_tokens").asInt(0);
        int completion = usage == null ? 0 : usage.path("completion_tokens").asInt(0);
        int cached = usage == null ? 0 : usage.path("prompt_tokens_details").path("cached_tokens").asInt(0);
        if (cached == 0 && timings != null) {
            cached = timings.path("cache_n").asInt(0);
        }
        return new Completion.Usage(prompt, cached, completion, promptNanos, generationNanos);
    }

    /** The message of an OpenAI error body ({@code {"error": {"message": …}}}) or Ollama's ({@code {"error": "…"}}). */
    static String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        if (error.hasNonNull("message")) {
            return error.get("message").asText();
        }
        return abbreviate(body.toString());
    }

    static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
