package dev.gannet.kernels.engine;

/** Why a generation ended. */
public enum FinishReason {
    /** The model wrote an end-of-generation token (or a caller's stop condition matched). */
    STOP,
    /** The token limit or the context size was reached. */
    LENGTH,
    /** The caller recognised a complete tool call and stopped generation there. */
    TOOL_CALL,
    /** The caller asked to stop. */
    CANCELLED,
    /** Generation failed. */
    ERROR
}
