package dev.gannet.runtime.server;

import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;
import dev.gannet.runtime.backend.CompletionListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers a non-streamed answer the same way the stream sends it, so both say the same thing: the
 * text in order, a call that could not be parsed kept as text (the client sees what the model wrote,
 * as llama.cpp's server does), and with parallel calls off only the first call.
 */
final class AnswerCollector implements CompletionListener {
    private final boolean parallelToolCalls;
    private final StringBuilder content = new StringBuilder();
    private final List<ToolCall> calls = new ArrayList<>();

    AnswerCollector(boolean parallelToolCalls) {
        this.parallelToolCalls = parallelToolCalls;
    }

    @Override
    public void text(String delta) {
        content.append(delta);
    }

    @Override
    public void toolCall(ToolCall call) {
        if (parallelToolCalls || calls.isEmpty()) {
            calls.add(call);
        }
    }

    @Override
    public void toolCallFailed(ToolCallError error) {
        content.append(error.raw());
    }

    String content() {
        return content.toString();
    }

    List<ToolCall> calls() {
        return List.copyOf(calls);
    }
}
