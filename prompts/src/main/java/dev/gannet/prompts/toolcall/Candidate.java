package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a call syntax read from one call, before it is checked against the declared tools: a name
 * with arguments, or an attempt already known to be broken. The raw text is added by the parser,
 * which knows the whole region the call came from.
 */
sealed interface Candidate {

    /**
     * A named call. {@code arguments} is as the model wrote it: an object, a JSON string holding
     * one, or missing (a MissingNode).
     */
    record Named(String name, JsonNode arguments) implements Candidate {
    }

    record Broken(ToolCallError.Kind kind, Optional<String> toolName, String message) implements Candidate {
    }
}
