package dev.gannet.bench.grammar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.prompts.toolcall.DeclaredTools;
import java.util.List;

/** The coding agent's tools, and calls to them a model might write, for the constraint's measurements. */
final class AgentTools {
    static final String DECLARATIONS = """
            [
              {"name": "read_file", "parameters": {"type": "object", "properties": {
                  "path": {"type": "string"}, "offset": {"type": "integer"}, "limit": {"type": "integer"}},
                  "required": ["path"], "additionalProperties": false}},
              {"name": "write_file", "parameters": {"type": "object", "properties": {
                  "path": {"type": "string"}, "content": {"type": "string"}},
                  "required": ["path", "content"], "additionalProperties": false}},
              {"name": "grep", "parameters": {"type": "object", "properties": {
                  "pattern": {"type": "string"}, "path": {"type": "string"},
                  "mode": {"type": "string", "enum": ["files", "lines", "count"]},
                  "ignore_case": {"type": "boolean"}, "globs": {"type": "array", "items": {"type": "string"}}},
                  "required": ["pattern"], "additionalProperties": false}},
              {"name": "list_files", "parameters": {"type": "object", "properties": {
                  "path": {"type": "string"}, "depth": {"type": "integer"}}, "additionalProperties": false}},
              {"name": "run_command", "parameters": {"type": "object", "properties": {
                  "command": {"type": "string"}, "timeout_seconds": {"type": "number"},
                  "env": {"type": "object", "additionalProperties": {"type": "string"}}},
                  "required": ["command"], "additionalProperties": false}}
            ]""";

    /** Hermes-style calls, as a model would write them after {@code <tool_call>}. */
    static final List<String> CALLS = List.of(
            "\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"src/main/java/dev/gannet/App.java\", \"limit\": 200}}\n</tool_call>",
            "\n{\"name\": \"grep\", \"arguments\": {\"pattern\": \"TODO|FIXME\", \"mode\": \"lines\", \"ignore_case\": true, \"globs\": [\"*.java\", \"*.md\"]}}\n</tool_call>",
            "\n{\"name\": \"run_command\", \"arguments\": {\"command\": \"./mvnw -q -pl prompts test\", \"timeout_seconds\": 120}}\n</tool_call>",
            "\n{\"name\": \"write_file\", \"arguments\": {\"path\": \"src/Hello.java\", \"content\": \"public class Hello {\\n    public static void main(String[] args) {\\n        System.out.println(\\\"Hello, \\\" + args[0]);\\n    }\\n}\\n\"}}\n</tool_call>",
            "\n{\"name\": \"list_files\", \"arguments\": {\"path\": \".\", \"depth\": 2}}\n</tool_call>");

    private AgentTools() {
    }

    static DeclaredTools declared() {
        try {
            return DeclaredTools.fromJson(new ObjectMapper().readTree(DECLARATIONS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
