package dev.gannet.prompts.grammar;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.prompts.toolcall.DeclaredTools;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The tools and the small synthetic vocabulary the grammar tests use. */
final class GrammarFixtures {
    static final String TOOLS = """
            [
              {"name": "read_file", "parameters": {"type": "object", "properties": {
                  "path": {"type": "string"}, "limit": {"type": "integer"}},
                  "required": ["path"], "additionalProperties": false}},
              {"name": "grep", "parameters": {"type": "object", "properties": {
                  "pattern": {"type": "string"}, "mode": {"type": "string", "enum": ["files", "lines"]},
                  "flags": {"type": "array", "items": {"type": "string"}}, "fuzzy": {"type": "boolean"}},
                  "required": ["pattern"]}},
              {"name": "list_files", "parameters": {"type": "object", "properties": {}}},
              {"name": "run_command", "parameters": {"type": "object", "properties": {
                  "command": {"type": "string"}, "timeout": {"type": "number"},
                  "env": {"type": "object", "additionalProperties": {"type": "string"}},
                  "cwd": {"type": ["string", "null"]}},
                  "required": ["command"]}}
            ]""";

    private GrammarFixtures() {
    }

    static DeclaredTools tools() {
        try {
            return DeclaredTools.fromJson(new ObjectMapper().readTree(TOOLS));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every printable ASCII character alone (so that every valid text can be written), plus pieces
     * of calls, markers, words and junk, plus the empty text of an end-of-sequence token (id 0).
     */
    static List<String> vocabulary() {
        Set<String> texts = new LinkedHashSet<>();
        texts.add("");
        for (char c = 0x20; c < 0x7f; c++) {
            texts.add(String.valueOf(c));
        }
        texts.addAll(List.of("\n", "\t", "\n  ", "\n    ", "  ", "é", "\u00e9t\u00e9", "{\"", "\":", "\": ", "\", \"", "\"}", "}}",
                "\"}}", "\"name\"", "\"arguments\"", "\"parameters\"", "name", "arguments", "read", "_file", "read_file",
                "\"read_file\"", "grep", "run", "_command", "list", "_files", "path", "limit", "command", "pattern", "mode",
                "files", "lines", "env", "timeout", "cwd", "flags", "fuzzy", "true", "false", "null", " \"", ": \"", ", ",
                "<tool_call>", "</tool_call>", "<tool", "_call>", "</", "<|python_tag|>", "[TOOL_CALLS]", "<|tool_call|>",
                "<|/tool_call|>", "<function=", "<parameter=", "</parameter>", "</function>", ">\n", "\n<", "Sure", " thing",
                "Hello", "delete_everything", "\"delete", "12", "345", "-1", "0.5", "e+", "\\n", "\\\"", "\\u00e9", "\\u",
                "src/main.py", " && ", "ls -la", "{}", "[]", "[\"", "\"]", "\",", "},", "}\n", "}</tool_call>", "\"}</tool_call>",
                "<|im_end|>", "```json\n", "```"));
        return new ArrayList<>(texts);
    }
}
