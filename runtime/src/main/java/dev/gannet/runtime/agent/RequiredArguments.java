package dev.gannet.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.prompts.template.ToolDeclaration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catches calls whose required arguments are missing or empty ({@code "pattern": ""}) before they
 * run: a grep for nothing matches everything and teaches the model nothing.
 */
final class RequiredArguments {
    private RequiredArguments() {
    }

    /** The error the model gets instead of a result, or empty when every required argument has a value. */
    static Optional<String> check(ToolDeclaration declaration, JsonNode arguments) {
        List<String> empty = new ArrayList<>();
        for (String name : requiredNames(declaration)) {
            JsonNode value = arguments.get(name);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())
                    || (value.isContainerNode() && value.isEmpty())) {
                empty.add(name);
            }
        }
        if (empty.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Not run: " + declaration.name() + " needs a value for "
                + String.join(", ", empty) + (empty.size() == 1 ? ", which was" : ", which were")
                + " missing or empty. Call it again with real values, or answer directly.");
    }

    private static List<String> requiredNames(ToolDeclaration declaration) {
        Map<String, Object> parameters = declaration.parameters();
        if (parameters == null || !(parameters.get("required") instanceof Collection<?> required)) {
            return List.of();
        }
        return required.stream().map(String::valueOf).toList();
    }
}
