package dev.gannet.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.tools.schema.JsonSchema;

/**
 * A capability the model may call. Calls come from the model and are treated as hostile: an
 * implementation validates its arguments against {@link #parameters()} before anything runs, and
 * answers every failure with an error {@link ToolResult} rather than an exception.
 *
 * <p>Implementations extend {@link AbstractTool}, which does the validation, the mode check and
 * the timing once for all of them.
 */
public interface Tool {
    /** The name models call it by, exactly as written in the declarations. */
    String name();

    /** What the tool does, written for the model. */
    String description();

    /** The JSON schema of the arguments object. */
    JsonSchema parameters();

    /** The least mode the tool may run in. */
    ToolMode requiredMode();

    /** Runs one call. Never throws for anything the arguments or the workspace can cause. */
    ToolResult execute(JsonNode arguments, ToolContext context);
}
