package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools a model may call in one conversation. Only these names become calls, and their
 * arguments are checked against their schemas.
 *
 * <p>{@link #anyName()} is the permissive set used when no tools are known (the {@code parse-calls}
 * command without {@code --tools}): every name is accepted and no arguments are checked.
 */
public final class DeclaredTools {
    private final Map<String, ToolDeclaration> byName;
    private final boolean anyName;

    private DeclaredTools(Map<String, ToolDeclaration> byName, boolean anyName) {
        this.byName = byName;
        this.anyName = anyName;
    }

    /** Accepts every tool name and checks no arguments. */
    public static DeclaredTools anyName() {
        return new DeclaredTools(Map.of(), true);
    }

    public static DeclaredTools of(List<ToolDeclaration> tools) {
        Map<String, ToolDeclaration> byName = new LinkedHashMap<>();
        for (ToolDeclaration tool : tools) {
            if (byName.put(tool.name(), tool) != null) {
                throw new IllegalArgumentException("the tool '" + tool.name() + "' is declared twice");
            }
        }
        return new DeclaredTools(Collections.unmodifiableMap(byName), false);
    }

    /**
     * Reads tools as OpenAI-compatible requests send them: a JSON array whose entries are
     * {@code {"type": "function", "function": {"name", "description", "parameters"}}} or the inner
     * object alone.
     *
     * @throws IllegalArgumentException naming the entry that is not a tool
     */
    public static DeclaredTools fromJson(JsonNode tools) {
        if (!tools.isArray()) {
            throw new IllegalArgumentException("the tools must be a JSON array");
        }
        List<ToolDeclaration> declarations = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode entry = tools.get(i);
            JsonNode function = entry.has("function") ? entry.get("function") : entry;
            JsonNode name = function.get("name");
            if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                throw new IllegalArgumentException("tool " + i + " has no \"name\"");
            }
            JsonNode parameters = function.get("parameters");
            if (parameters != null && !parameters.isObject() && !parameters.isNull()) {
                throw new IllegalArgumentException("the \"parameters\" of tool '" + name.textValue()
                        + "' must be a JSON schema object");
            }
            declarations.add(new ToolDeclaration(name.textValue(), function.path("description").asText(""),
                    parameters instanceof ObjectNode schema ? schema.deepCopy()
                            : JsonNodeFactory.instance.objectNode()));
        }
        return of(declarations);
    }

    /** True for {@link #anyName()}. */
    public boolean acceptsAnyName() {
        return anyName;
    }

    /** Whether a call to {@code name} can become a call (declared, or any name accepted). */
    public boolean accepts(String name) {
        return anyName || byName.containsKey(name);
    }

    public Optional<ToolDeclaration> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The declared tools in declaration order; empty for {@link #anyName()}. */
    public List<ToolDeclaration> declarations() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
