package dev.gannet.runtime.cli;

import dev.gannet.runtime.agent.AgentEvent;
import dev.gannet.runtime.agent.AgentEventSink;
import java.io.PrintWriter;

/**
 * Progress for a person at a terminal: the answer streams to stdout as it is generated; tool calls,
 * their outcomes and the totals go to stderr, so {@code gannet run "…" > answer.txt} keeps only the
 * answer.
 */
final class TerminalEvents implements AgentEventSink {
    private static final int PREVIEW = 160;

    private final PrintWriter out;
    private final PrintWriter err;
    private boolean midLine;

    TerminalEvents(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void emit(AgentEvent event) {
        switch (event) {
            case AgentEvent.Session session -> {
            }
            case AgentEvent.Token token -> {
                out.print(token.text());
                out.flush();
                midLine = !token.text().endsWith("\n");
            }
            case AgentEvent.ToolCallStarted call -> {
                endLine();
                err.println("→ " + call.name() + " " + call.arguments());
                err.flush();
            }
            case AgentEvent.ToolResultReady result -> {
                err.println("  " + (result.ok() ? "ok" : "failed") + ", " + result.ms() + " ms"
                        + (result.truncated() ? ", truncated" : "") + ": " + preview(result.output()));
                err.flush();
            }
            case AgentEvent.Answer answer -> endLine();
            case AgentEvent.Error error -> {
                endLine();
                err.println("gannet: " + error.message());
                err.flush();
            }
            case AgentEvent.Done done -> {
                err.printf("(%d step%s, %d prompt + %d generated tokens, %.1f tok/s, %.1f s)%n", done.steps(),
                        done.steps() == 1 ? "" : "s", done.promptTokens(), done.completionTokens(),
                        done.tokensPerSecond(), done.ms() / 1000.0);
                err.flush();
            }
        }
    }

    private void endLine() {
        if (midLine) {
            out.println();
            out.flush();
            midLine = false;
        }
    }

    private static String preview(String output) {
        String oneLine = output.strip().replace('\n', '⏎');
        return oneLine.length() <= PREVIEW ? oneLine : oneLine.substring(0, PREVIEW) + "…";
    }
}
