package dev.gannet.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What an agent run reports, step by step: the server → client events of the WebSocket protocol
 * (docs/protocol.md) and the lines of {@code gannet run --json}. {@link #toJson()} is the wire form.
 */
public sealed interface AgentEvent {
    ObjectMapper JSON = new ObjectMapper();

    /** The event's {@code type} on the wire. */
    String type();

    /** The wire form: {@code {"type": …, …}}. */
    ObjectNode toJson();

    private static ObjectNode typed(String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        return node;
    }

    /** The run's session (sent first, so a client can resume it later). */
    record Session(String id) implements AgentEvent {
        public String type() {
            return "session";
        }

        public ObjectNode toJson() {
            return typed(type()).put("id", id);
        }
    }

    /** Answer text as it is generated. */
    record Token(String text) implements AgentEvent {
        public String type() {
            return "token";
        }

        public ObjectNode toJson() {
            return typed(type()).put("text", text);
        }
    }

    /** The model called a tool; it runs next. */
    record ToolCallStarted(String id, String name, JsonNode arguments) implements AgentEvent {
        public ToolCallStarted {
            Objects.requireNonNull(arguments, "arguments");
        }

        public String type() {
            return "tool_call";
        }

        public ObjectNode toJson() {
            ObjectNode node = typed(type()).put("id", id).put("name", name);
            node.set("arguments", arguments);
            return node;
        }
    }

    /** A tool's result, as the model will see it. */
    record ToolResultReady(String id, boolean ok, String output, boolean truncated, long ms) implements AgentEvent {
        public String type() {
            return "tool_result";
        }

        public ObjectNode toJson() {
            return typed(type()).put("id", id).put("ok", ok).put("output", output).put("truncated", truncated)
                    .put("ms", ms);
        }
    }

    /** The model's final answer for this turn. */
    record Answer(String text) implements AgentEvent {
        public String type() {
            return "answer";
        }

        public ObjectNode toJson() {
            return typed(type()).put("text", text);
        }
    }

    /** Something went wrong; the message is for the user. */
    record Error(String message) implements AgentEvent {
        public String type() {
            return "error";
        }

        public ObjectNode toJson() {
            return typed(type()).put("message", message);
        }
    }

    /**
     * The turn is over, however it ended: totals for it. {@code modelMs} is the time the model spent
     * evaluating and generating, {@code toolMs} the time tools ran; the rest of {@code ms} is the
     * runtime's own (rendering, tokenizing, parsing, storing, streaming).
     */
    record Done(int steps, int promptTokens, int completionTokens, long ms, double tokensPerSecond, long modelMs,
                long toolMs) implements AgentEvent {
        public String type() {
            return "done";
        }

        public ObjectNode toJson() {
            return typed(type()).put("steps", steps).put("prompt_tokens", promptTokens)
                    .put("completion_tokens", completionTokens).put("ms", ms)
                    .put("tok_s", Math.round(tokensPerSecond * 10) / 10.0).put("model_ms", modelMs)
                    .put("tool_ms", toolMs);
        }
    }
}
