package dev.gannet.runtime.server;

import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;
import dev.gannet.runtime.backend.CompletionListener;
import io.vertx.core.Context;

/**
 * Hands each piece of a turn from the generating thread over to a Vert.x context, in order, so the
 * target (which writes to a socket) only ever runs on its event loop.
 */
final class OnContextListener implements CompletionListener {
    private final Context context;
    private final CompletionListener target;

    OnContextListener(Context context, CompletionListener target) {
        this.context = context;
        this.target = target;
    }

    @Override
    public void text(String delta) {
        context.runOnContext(v -> target.text(delta));
    }

    @Override
    public void toolCall(ToolCall call) {
        context.runOnContext(v -> target.toolCall(call));
    }

    @Override
    public void toolCallFailed(ToolCallError error) {
        context.runOnContext(v -> target.toolCallFailed(error));
    }
}
