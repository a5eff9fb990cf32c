package dev.gannet.tools;

import static dev.gannet.tools.testing.Calls.args;
import static dev.gannet.tools.testing.Calls.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.gannet.tools.builtin.GrepTool;
import dev.gannet.tools.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRegistryTest {
    private final ToolRegistry registry = ToolRegistry.builtins(Sandbox.detect());

    @TempDir
    Path temp;

    /** The names and signatures exactly as the issue writes them: models see these. */
    private static final Map<String, List<String>> SIGNATURES = Map.of(
            "grep", List.of("pattern", "path?", "glob?", "ignore_case?", "context?", "max_results?"),
            "read_file", List.of("path", "start_line?", "end_line?"),
            "list_files", List.of("path?", "glob?", "max_depth?"),
            "run_command", List.of("command", "timeout_s?"),
            "write_file", List.of("path", "content"),
            "edit_file", List.of("path", "old_text", "new_text"));

    @Test
    void declaresTheToolsOfEachModeInOpenAiForm() {
        assertEquals(List.of("grep", "read_file", "list_files", "run_command"), names(registry.declarations(ToolMode.READ_ONLY)));
        assertEquals(List.of("grep", "read_file", "list_files", "run_command", "write_file", "edit_file"),
                names(registry.declarations(ToolMode.WORKSPACE_WRITE)));
        for (JsonNode declaration : registry.declarations(ToolMode.WORKSPACE_WRITE)) {
            assertEquals("function", declaration.get("type").asText());
            JsonNode function = declaration.get("function");
            assertTrue(function.get("description").asText().length() > 20);
            JsonNode parameters = function.get("parameters");
            assertEquals("object", parameters.get("type").asText());
            assertEquals(false, parameters.get("additionalProperties").asBoolean());
            List<String> required = new ArrayList<>();
            parameters.path("required").forEach(r -> required.add(r.asText()));
            for (String argument : SIGNATURES.get(function.get("name").asText())) {
                String name = argument.replace("?", "");
                assertTrue(parameters.get("properties").has(name), function.get("name") + " lacks " + name);
                assertEquals(!argument.endsWith("?"), required.contains(name), function.get("name") + "." + name);
            }
        }
    }

    @Test
    void dispatchesByNameAndAnswersBadCallsWithErrors() {
        ToolContext context = ToolContext.readOnly(temp);
        ToolResult unknown = registry.execute("rm_rf", args(), context);
        assertEquals(Optional.of(ToolError.UNKNOWN_TOOL), unknown.error());
        assertTrue(unknown.text().contains("[grep, read_file, list_files, run_command]"), unknown.text());
        ToolResult notObject = registry.execute("grep", json("[\"x\"]"), context);
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), notObject.error());
        ToolResult noArguments = registry.execute("grep", null, context);
        assertEquals("invalid arguments for grep: arguments: missing required argument 'pattern'", noArguments.text());
        ToolResult nullOptional = registry.execute("list_files", json("{\"path\": null, \"max_depth\": null}"), context);
        assertTrue(nullOptional.ok(), "null optional arguments count as absent: " + nullOptional.text());
        ToolResult nullRequired = registry.execute("read_file", json("{\"path\": null}"), context);
        assertEquals(Optional.of(ToolError.INVALID_ARGUMENTS), nullRequired.error());
        assertTrue(nullRequired.duration().toNanos() > 0);
        assertEquals("invalid_arguments", nullRequired.toJson().get("error").asText());
    }

    @Test
    void refusesTwoToolsOfOneName() {
        assertThrows(IllegalArgumentException.class, () -> new ToolRegistry(List.of(new GrepTool(), new GrepTool())));
    }

    @Test
    void modeNamesParseAsWritten() {
        assertEquals(ToolMode.READ_ONLY, ToolMode.fromWireName("read-only"));
        assertEquals(ToolMode.WORKSPACE_WRITE, ToolMode.fromWireName("workspace-write"));
        assertThrows(IllegalArgumentException.class, () -> ToolMode.fromWireName("root"));
    }

    private static List<String> names(ArrayNode declarations) {
        List<String> names = new ArrayList<>();
        declarations.forEach(d -> names.add(d.get("function").get("name").asText()));
        return names;
    }
}
