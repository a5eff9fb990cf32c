package dev.gannet.runtime.agent;

/**
 * Where a run's events go (a WebSocket, stdout, a benchmark's classifier). Called on the run's
 * thread, in order; an implementation that writes to an event loop hands the event over to it.
 */
@FunctionalInterface
public interface AgentEventSink {
    void emit(AgentEvent event);
}
