package dev.gannet.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolCall;
import dev.gannet.runtime.session.SessionSummary;
import dev.gannet.runtime.session.SessionTotals;
import dev.gannet.runtime.session.StoredSession;
import dev.gannet.runtime.session.ToolRun;
import dev.gannet.runtime.session.TurnRecord;
import java.util.List;

/**
 * Sessions as the JSON {@code gannet sessions --json} prints: snake_case keys, ISO-8601 times, and
 * messages in the OpenAI chat format (tool-call arguments as JSON text), so they can be sent back to
 * any OpenAI-compatible server as they are.
 */
final class SessionJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionJson() {
    }

    static String summaries(List<SessionSummary> sessions) throws JsonProcessingException {
        ArrayNode array = JSON.createArrayNode();
        sessions.forEach(summary -> array.add(summary(summary)));
        return JSON.writeValueAsString(array);
    }

    static String session(StoredSession session) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        root.set("session", summary(session.summary()));
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage message : session.messages()) {
            messages.add(message(message));
        }
        ArrayNode runs = root.putArray("tool_runs");
        for (ToolRun run : session.toolRuns()) {
            runs.addObject().put("call_id", run.callId()).put("name", run.name()).put("arguments", run.arguments())
                    .put("ok", run.ok()).put("output", run.output()).put("truncated", run.truncated()).put("ms", run.ms());
        }
        ArrayNode turns = root.putArray("turns");
        for (TurnRecord turn : session.turns()) {
            turns.addObject().put("steps", turn.steps()).put("prompt_tokens", turn.promptTokens())
                    .put("completion_tokens", turn.completionTokens()).put("ms", turn.ms())
                    .put("outcome", turn.outcome()).put("model", turn.model());
        }
        SessionTotals totals = SessionTotals.of(session);
        root.putObject("totals").put("turns", totals.turns()).put("steps", totals.steps())
                .put("prompt_tokens", totals.promptTokens()).put("completion_tokens", totals.completionTokens())
                .put("ms", totals.ms()).put("tool_runs", totals.toolRuns()).put("failed_tool_runs", totals.failedToolRuns());
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode summary(SessionSummary summary) {
        return JSON.createObjectNode().put("id", summary.id()).put("model", summary.model())
                .put("workspace", summary.workspace()).put("mode", summary.mode()).put("title", summary.title())
                .put("created", summary.created().toString()).put("updated", summary.updated().toString())
                .put("messages", summary.messages()).put("turns", summary.turns());
    }

    private static ObjectNode message(ChatMessage message) throws JsonProcessingException {
        ObjectNode json = JSON.createObjectNode().put("role", message.role()).put("content", message.content());
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = json.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode entry = calls.addObject().put("id", call.id()).put("type", "function");
                entry.putObject("function").put("name", call.name())
                        .put("arguments", JSON.writeValueAsString(call.arguments()));
            }
        }
        if (message.toolCallId() != null) {
            json.put("tool_call_id", message.toolCallId());
        }
        if (message.name() != null) {
            json.put("name", message.name());
        }
        return json;
    }
}
