package dev.gannet.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolCall;
import dev.gannet.runtime.session.SessionStore;
import dev.gannet.runtime.session.SessionSummary;
import dev.gannet.runtime.session.StoredSession;
import dev.gannet.runtime.session.ToolRun;
import dev.gannet.runtime.session.TurnRecord;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /v1/sessions/:id}: one stored session (summary, messages in OpenAI's shape, tool runs,
 * turns). The store is a database, so it is read on a worker, never on the event loop.
 */
final class SessionRoute {
    static final String PATH = "/v1/sessions/:id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SessionStore store;
    private final WorkerExecutor workers;

    SessionRoute(SessionStore store, WorkerExecutor workers) {
        this.store = store;
        this.workers = workers;
    }

    void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        workers.executeBlocking(() -> store.load(id), false).onComplete((Optional<StoredSession> found) -> {
            if (found.isEmpty()) {
                ctx.fail(ApiError.notFound("No session with id '" + id + "'."));
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(json(found.get()).toString());
        }, ctx::fail);
    }

    static ObjectNode json(StoredSession session) {
        SessionSummary summary = session.summary();
        ObjectNode body = JSON.createObjectNode();
        body.put("id", summary.id()).put("object", "session").put("model", summary.model())
                .put("workspace", summary.workspace()).put("mode", summary.mode()).put("title", summary.title())
                .put("created", summary.created().toString()).put("updated", summary.updated().toString());
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : session.messages()) {
            messages.add(message(message));
        }
        ArrayNode runs = body.putArray("tool_runs");
        for (ToolRun run : session.toolRuns()) {
            runs.addObject().put("id", run.callId()).put("name", run.name()).put("arguments", run.arguments())
                    .put("ok", run.ok()).put("output", run.output()).put("truncated", run.truncated())
                    .put("ms", run.ms());
        }
        ArrayNode turns = body.putArray("turns");
        for (TurnRecord turn : session.turns()) {
            turns.addObject().put("steps", turn.steps()).put("prompt_tokens", turn.promptTokens())
                    .put("completion_tokens", turn.completionTokens()).put("ms", turn.ms())
                    .put("outcome", turn.outcome()).put("model", turn.model());
        }
        return body;
    }

    private static ObjectNode message(ChatMessage message) {
        ObjectNode node = JSON.createObjectNode().put("role", message.role()).put("content", message.content());
        if (message.name() != null) {
            node.put("name", message.name());
        }
        if (message.toolCallId() != null) {
            node.put("tool_call_id", message.toolCallId());
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode entry = calls.addObject().put("id", call.id()).put("type", "function");
                entry.putObject("function").put("name", call.name())
                        .put("arguments", JSON.valueToTree(call.arguments()).toString());
            }
        }
        return node;
    }
}
