package dev.gannet.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.tools.schema.JsonSchema;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part every tool shares: the mode check, schema validation of the arguments, the clock, and
 * turning failures into error results. Subclasses implement {@link #run} and see only arguments
 * that conform to their schema.
 */
public abstract class AbstractTool implements Tool {
    private final String name;
    private final String description;
    private final JsonSchema parameters;
    private final ToolMode requiredMode;

    protected AbstractTool(String name, String description, JsonSchema parameters, ToolMode requiredMode) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.requiredMode = Objects.requireNonNull(requiredMode, "requiredMode");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final JsonSchema parameters() {
        return parameters;
    }

    @Override
    public final ToolMode requiredMode() {
        return requiredMode;
    }

    @Override
    public final ToolResult execute(JsonNode arguments, ToolContext context) {
        long start = System.nanoTime();
        ToolResult result;
        try {
            result = checkAndRun(arguments, context);
        } catch (ToolException e) {
            result = ToolResult.failure(e.error(), e.getMessage());
        } catch (UncheckedIOException e) {
            result = ToolResult.failure(ToolError.IO_ERROR, name + ": " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            // A bug in a tool must not take the agent loop down; the message says it is ours.
            result = ToolResult.failure(ToolError.INTERNAL, "internal error in " + name + ": " + e);
        }
        return result.withDuration(Duration.ofNanos(System.nanoTime() - start));
    }

    private ToolResult checkAndRun(JsonNode arguments, ToolContext context) throws ToolException {
        if (!context.mode().permits(requiredMode)) {
            throw new ToolException(ToolError.NOT_ALLOWED_IN_MODE, name + " is not available in "
                    + context.mode().wireName() + " mode; it needs " + requiredMode.wireName());
        }
        ObjectNode values = normalize(arguments);
        List<String> violations = parameters.validate(values, "arguments");
        if (!violations.isEmpty()) {
            throw new ToolException(ToolError.INVALID_ARGUMENTS,
                    "invalid arguments for " + name + ": " + String.join("; ", violations));
        }
        return run(new ToolArguments(values, parameters), context);
    }

    /**
     * Absent arguments mean an empty object, and an optional argument sent as {@code null} means
     * the argument is absent: models fill unused optional fields with null often enough that
     * refusing them would only cost a round trip.
     */
    private ObjectNode normalize(JsonNode arguments) throws ToolException {
        if (arguments == null || arguments.isNull() || arguments.isMissingNode()) {
            return ObjectNodes.empty();
        }
        if (!arguments.isObject()) {
            throw new ToolException(ToolError.INVALID_ARGUMENTS,
                    "invalid arguments for " + name + ": expected a JSON object, got " + arguments.getNodeType());
        }
        ObjectNode copy = ((ObjectNode) arguments).deepCopy();
        List<String> nullOptionals = new ArrayList<>();
        copy.properties().forEach(field -> {
            if (field.getValue().isNull() && !parameters.isRequired(field.getKey())) {
                nullOptionals.add(field.getKey());
            }
        });
        copy.remove(nullOptionals);
        return copy;
    }

    /** Carries out a call whose arguments conform to the schema and whose mode permits it. */
    protected abstract ToolResult run(ToolArguments arguments, ToolContext context) throws ToolException;
}
