package dev.gannet.prompts.toolcall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The tools the parser tests declare: the agent's usual ones, with schemas of each kind. */
final class TestTools {
    static final ObjectMapper JSON = new ObjectMapper();

    static final String DECLARATIONS = """
            [
              {"type": "function", "function": {"name": "read_file", "description": "Read a file",
                "parameters": {"type": "object", "properties": {
                  "path": {"type": "string"}, "limit": {"type": "integer"}},
                  "required": ["path"], "additionalProperties": false}}},
              {"type": "function", "function": {"name": "grep", "description": "Search files",
                "parameters": {"type": "object", "properties": {
                  "pattern": {"type": "string"}, "path": {"type": "string"},
                  "mode": {"type": "string", "enum": ["files", "lines"]}},
                  "required": ["pattern"]}}},
              {"type": "function", "function": {"name": "list_files", "description": "List files",
                "parameters": {"type": "object", "properties": {}}}},
              {"type": "function", "function": {"name": "run_command", "description": "Run a command",
                "parameters": {"type": "object", "properties": {
                  "command": {"type": "string"}, "timeout": {"type": "number"},
                  "env": {"type": "object", "additionalProperties": {"type": "string"}}},
                  "required": ["command"]}}}
            ]""";

    private TestTools() {
    }

    static DeclaredTools declared() {
        try {
            return DeclaredTools.fromJson(JSON.readTree(DECLARATIONS));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
