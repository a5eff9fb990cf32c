package dev.gannet.tools;

import java.io.Serial;

/**
 * A tool call that cannot be carried out, for a reason the caller (usually the model) caused or
 * can act on. The message is one line, fit to hand to the model as it is; the tool machinery turns
 * it into an error {@link ToolResult} and never lets it escape as a stack trace.
 */
public final class ToolException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ToolError error;

    public ToolException(ToolError error, String message) {
        super(message);
        this.error = error;
    }

    public ToolException(ToolError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public ToolError error() {
        return error;
    }
}
