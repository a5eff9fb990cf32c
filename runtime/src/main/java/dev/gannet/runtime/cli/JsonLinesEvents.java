package dev.gannet.runtime.cli;

import dev.gannet.runtime.agent.AgentEvent;
import dev.gannet.runtime.agent.AgentEventSink;
import java.io.PrintWriter;

/** {@code --json}: each event of the WebSocket protocol as one line of JSON, flushed at once. */
final class JsonLinesEvents implements AgentEventSink {
    private final PrintWriter out;

    JsonLinesEvents(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void emit(AgentEvent event) {
        out.println(event.toJson().toString());
        out.flush();
    }
}
