package dev.gannet.runtime.metrics;

/**
 * Where the agent loop reports how each tool call ended, so the server can count tool calls by name
 * and outcome ({@code /metrics}) without the loop knowing about Prometheus or Vert.x. Called on the
 * loop's thread; implementations are thread-safe and cheap.
 */
@FunctionalInterface
public interface ToolCallMetrics {
    /** Counts nothing: for the CLI and for tests that do not look at metrics. */
    ToolCallMetrics NONE = (tool, outcome) -> {
    };

    /** One call to {@code tool} ended with {@code outcome}. */
    void toolCallEnded(String tool, ToolOutcome outcome);
}
