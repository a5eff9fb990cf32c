package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.schema.JsonSchemaValidator;
import dev.gannet.prompts.schema.SchemaViolation;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a named candidate into a {@link ToolCall} or a {@link ToolCallError}: the name must be
 * declared, the arguments an object (a JSON string holding one is parsed), valid against the
 * tool's schema.
 */
final class CallValidator {
    private CallValidator() {
    }

    /** The outcome: exactly one of a call or an error. */
    sealed interface Checked {
    }

    record Accepted(ToolCall call) implements Checked {
    }

    record Refused(ToolCallError error) implements Checked {
    }

    static Checked check(Candidate.Named candidate, DeclaredTools tools, String id, String raw) {
        String name = candidate.name();
        Optional<String> tool = Optional.of(name);
        if (!tools.accepts(name)) {
            String known = tools.names().isEmpty() ? "no tools are declared"
                    : "the tools are: " + String.join(", ", tools.names());
            return refuse(ToolCallError.Kind.UNKNOWN_TOOL, tool, "there is no tool named '" + name + "'; " + known, raw);
        }
        JsonNode arguments = candidate.arguments();
        if (arguments.isMissingNode() || arguments.isNull()) {
            arguments = JsonNodeFactory.instance.objectNode();
        } else if (arguments.isTextual()) {
            // Some models (and OpenAI's wire format) give the arguments as a JSON string.
            String text = arguments.textValue();
            if (text.isBlank()) {
                arguments = JsonNodeFactory.instance.objectNode();
            } else {
                switch (JsonText.parse(text)) {
                    case JsonText.Invalid invalid -> {
                        return refuse(ToolCallError.Kind.INVALID_JSON, tool, "the call to " + name
                                + " had arguments that were not valid JSON: " + invalid.problem(), raw);
                    }
                    case JsonText.Valid valid -> arguments = valid.value();
                }
            }
        }
        if (!(arguments instanceof ObjectNode object)) {
            return refuse(ToolCallError.Kind.MALFORMED_CALL, tool, "the arguments of the call to " + name
                    + " must be a JSON object, not " + arguments, raw);
        }
        Optional<ToolDeclaration> declaration = tools.find(name);
        if (declaration.isPresent()) {
            List<SchemaViolation> violations = JsonSchemaValidator.validate(declaration.get().parameters(), object);
            if (!violations.isEmpty()) {
                String problems = violations.stream().map(SchemaViolation::describe).collect(Collectors.joining("; "));
                return refuse(ToolCallError.Kind.INVALID_ARGUMENTS, tool,
                        "the call to " + name + " had invalid arguments: " + problems, raw);
            }
        }
        return new Accepted(new ToolCall(id, name, object, raw));
    }

    private static Refused refuse(ToolCallError.Kind kind, Optional<String> tool, String message, String raw) {
        return new Refused(new ToolCallError(kind, tool, message, raw));
    }
}
