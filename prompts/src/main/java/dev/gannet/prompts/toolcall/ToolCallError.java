package dev.gannet.prompts.toolcall;

import java.util.Objects;
import java.util.Optional;

/**
 * A tool call the model tried to make and got wrong. The message is written to be handed back to
 * the model as it is ("the call to read_file was not valid JSON: …"), so that it can try again.
 *
 * @param kind     what went wrong
 * @param toolName the tool the model meant, when that much could be read
 * @param message  one sentence for the model (and for logs)
 * @param raw      the text the attempt was read from, markers included
 */
public record ToolCallError(Kind kind, Optional<String> toolName, String message, String raw) {
    public ToolCallError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(raw, "raw");
    }

    /** What went wrong with a call. */
    public enum Kind {
        /** The call, or its arguments given as a string, is not valid JSON (or not valid XML markup). */
        INVALID_JSON,
        /** Valid JSON, but not a call: no tool name, or arguments that are not an object. */
        MALFORMED_CALL,
        /** The name is not one of the declared tools. */
        UNKNOWN_TOOL,
        /** The arguments break the tool's JSON schema. */
        INVALID_ARGUMENTS
    }
}
