package dev.gannet.prompts.toolcall;

/** What a {@link StreamingToolCallParser} reports as the model's text arrives. */
public sealed interface ToolCallEvent {

    /** Answer text that can no longer be part of a call; stream it on at once. */
    record TextDelta(String text) implements ToolCallEvent {
    }

    /** A complete, valid call. */
    record CallCompleted(ToolCall call) implements ToolCallEvent {
    }

    /** A complete attempt at a call that is not valid. */
    record CallFailed(ToolCallError error) implements ToolCallEvent {
    }
}
