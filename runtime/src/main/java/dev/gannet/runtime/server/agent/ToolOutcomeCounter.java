package dev.gannet.runtime.server.agent;

import dev.gannet.runtime.agent.AgentEvent;
import dev.gannet.runtime.agent.AgentEventSink;
import dev.gannet.runtime.backend.Cancellation;
import dev.gannet.runtime.metrics.ToolCallMetrics;
import dev.gannet.runtime.metrics.ToolOutcome;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts tool calls by name and outcome from a run's events, on their way to the client: a
 * {@code tool_result} is matched to its {@code tool_call} by id. A call the loop could not use (it
 * reports those with ids starting {@code invalid_}) counts as refused; a failure after the run was
 * cancelled counts as cancelled. Used on the run's thread only.
 */
final class ToolOutcomeCounter implements AgentEventSink {
    private final AgentEventSink next;
    private final ToolCallMetrics metrics;
    private final Cancellation cancellation;
    private final Map<String, String> namesById = new HashMap<>();

    ToolOutcomeCounter(AgentEventSink next, ToolCallMetrics metrics, Cancellation cancellation) {
        this.next = next;
        this.metrics = metrics;
        this.cancellation = cancellation;
    }

    @Override
    public void emit(AgentEvent event) {
        switch (event) {
            case AgentEvent.ToolCallStarted call -> namesById.put(call.id(), call.name());
            case AgentEvent.ToolResultReady result -> {
                String name = namesById.remove(result.id());
                if (name != null) {
                    metrics.toolCallEnded(name.isEmpty() ? "(unknown)" : name, outcome(result));
                }
            }
            default -> {
            }
        }
        next.emit(event);
    }

    private ToolOutcome outcome(AgentEvent.ToolResultReady result) {
        if (result.ok()) {
            return ToolOutcome.OK;
        }
        if (result.id().startsWith("invalid_")) {
            return ToolOutcome.REFUSED;
        }
        return cancellation.isCancelled() ? ToolOutcome.CANCELLED : ToolOutcome.FAILED;
    }
}
