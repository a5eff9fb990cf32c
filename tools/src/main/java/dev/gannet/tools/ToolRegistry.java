package dev.gannet.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.tools.builtin.EditFileTool;
import dev.gannet.tools.builtin.GrepTool;
import dev.gannet.tools.builtin.ListFilesTool;
import dev.gannet.tools.builtin.ReadFileTool;
import dev.gannet.tools.builtin.RunCommandTool;
import dev.gannet.tools.builtin.WriteFileTool;
import dev.gannet.tools.sandbox.Sandbox;
import dev.gannet.tools.text.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools a session may offer, by name: lists those available in a mode, gives their
 * declarations in the OpenAI form the runtime hands to models, and dispatches calls by name.
 */
public final class ToolRegistry {
    private final Map<String, Tool> tools;

    public ToolRegistry(List<Tool> tools) {
        Map<String, Tool> byName = new LinkedHashMap<>();
        for (Tool tool : tools) {
            if (byName.putIfAbsent(tool.name(), tool) != null) {
                throw new IllegalArgumentException("two tools are named '" + tool.name() + "'");
            }
        }
        this.tools = byName;
    }

    /** The built-in tools, with {@code run_command} using the given sandbox. */
    public static ToolRegistry builtins(Sandbox sandbox) {
        return new ToolRegistry(List.of(new GrepTool(), new ReadFileTool(), new ListFilesTool(),
                new RunCommandTool(sandbox), new WriteFileTool(), new EditFileTool()));
    }

    /** The built-in tools, with a sandbox for this machine. */
    public static ToolRegistry builtins() {
        return builtins(Sandbox.detect());
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** The tools a session in this mode offers, in registration order. */
    public List<Tool> available(ToolMode mode) {
        List<Tool> out = new ArrayList<>();
        for (Tool tool : tools.values()) {
            if (mode.permits(tool.requiredMode())) {
                out.add(tool);
            }
        }
        return out;
    }

    /**
     * The declarations of the tools available in a mode:
     * {@code [{"type":"function","function":{"name":…,"description":…,"parameters":{…}}}, …]}.
     */
    public ArrayNode declarations(ToolMode mode) {
        ArrayNode declarations = ObjectNodes.emptyArray();
        for (Tool tool : available(mode)) {
            declarations.add(declaration(tool));
        }
        return declarations;
    }

    /** One tool's declaration in the OpenAI {@code tools} form. */
    public static ObjectNode declaration(Tool tool) {
        ObjectNode declaration = ObjectNodes.empty();
        declaration.put("type", "function");
        ObjectNode function = declaration.putObject("function");
        function.put("name", tool.name());
        function.put("description", tool.description());
        function.set("parameters", tool.parameters().toJson());
        return declaration;
    }

    /**
     * Runs a call by name. An unknown name, or a tool the context's mode does not offer, is an
     * error result like any other bad call.
     */
    public ToolResult execute(String name, JsonNode arguments, ToolContext context) {
        Tool tool = tools.get(name);
        if (tool == null) {
            return ToolResult.failure(ToolError.UNKNOWN_TOOL, "there is no tool named "
                    + Quote.of(name) + "; available: "
                    + available(context.mode()).stream().map(Tool::name).toList());
        }
        return tool.execute(arguments, context);
    }
}
