package dev.gannet.runtime.backend;

import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;

/**
 * Receives a turn as it is generated, on the generating thread. Answer text arrives as soon as it
 * can no longer be the start of a tool call; a call arrives once it is complete.
 */
public interface CompletionListener {
    CompletionListener IGNORE = new CompletionListener() {
    };

    /** Answer text, in order; the pieces concatenated equal {@link Completion#text()}. */
    default void text(String delta) {
    }

    /** A complete, valid tool call. */
    default void toolCall(ToolCall call) {
    }

    /** Something that was meant as a call but cannot be one (bad JSON, unknown tool, schema violation). */
    default void toolCallFailed(ToolCallError error) {
    }
}
