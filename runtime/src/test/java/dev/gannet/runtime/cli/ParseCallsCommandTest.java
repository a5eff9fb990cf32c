package dev.gannet.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of {@code gannet parse-calls}, checked exactly as written, in-process. */
class ParseCallsCommandTest {
    @TempDir
    Path temp;

    private static final String TOOLS = """
            [{"type": "function", "function": {"name": "read_file", "description": "Read a file",
              "parameters": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]}}}]
            """;

    @Test
    void printsContentCallsAndErrorsAsOneJsonObject() {
        CliContractTest.Result r = CliContractTest.run(
                "Let me look.\n<tool_call>\n{\"name\": \"read_file\", \"arguments\": {\"path\": \"README.md\"}}\n</tool_call>",
                "parse-calls", "--format", "hermes");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("{\"content\":\"Let me look.\",\"tool_calls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"README.md\"}}],"
                + "\"errors\":[]}\n", r.out());
    }

    @Test
    void formatDefaultsToAuto() {
        CliContractTest.Result r = CliContractTest.run("[TOOL_CALLS]read_file[ARGS]{\"path\": \"a\"}", "parse-calls");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("{\"content\":\"\",\"tool_calls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"a\"}}],\"errors\":[]}\n",
                r.out());
    }

    @Test
    void withToolsOnlyDeclaredNamesAndValidArgumentsBecomeCalls() throws Exception {
        Path tools = temp.resolve("tools.json");
        Files.writeString(tools, TOOLS);
        CliContractTest.Result r = CliContractTest.run(
                "<tool_call>{\"name\": \"read_file\", \"arguments\": {}}</tool_call>"
                        + "<tool_call>{\"name\": \"rm\", \"arguments\": {}}</tool_call>",
                "parse-calls", "--format", "hermes", "--tools", tools.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("{\"content\":\"\",\"tool_calls\":[],\"errors\":["
                + "\"the call to read_file had invalid arguments: 'path' is required but missing\","
                + "\"there is no tool named 'rm'; the tools are: read_file\"]}\n", r.out());
    }

    @Test
    void withoutToolsAnyNameIsAccepted() {
        CliContractTest.Result r = CliContractTest.run("{\"name\": \"rm\", \"parameters\": {\"force\": 1}}",
                "parse-calls", "--format", "llama3");
        assertEquals("{\"content\":\"\",\"tool_calls\":[{\"name\":\"rm\",\"arguments\":{\"force\":1}}],\"errors\":[]}\n", r.out());
    }

    @Test
    void everyFormatIsAccepted() {
        for (String format : new String[] {"auto", "hermes", "json", "llama3", "mistral", "qwen3-xml", "phi4"}) {
            CliContractTest.Result r = CliContractTest.run("Just an answer.", "parse-calls", "--format", format);
            assertEquals(0, r.exitCode(), format + ": " + r.err());
            assertEquals("{\"content\":\"Just an answer.\",\"tool_calls\":[],\"errors\":[]}\n", r.out(), format);
        }
    }

    @Test
    void badOptionsGiveOneLineAndExitOne() throws Exception {
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, "[{\"name\": ");
        Path notTools = temp.resolve("object.json");
        Files.writeString(notTools, "{\"name\": \"x\"}");
        String[][] cases = {
                {"parse-calls", "--format", "xml"},
                {"parse-calls", "--tools", temp.resolve("missing.json").toString()},
                {"parse-calls", "--tools", broken.toString()},
                {"parse-calls", "--tools", notTools.toString()}};
        String[] expected = {
                "gannet: unknown tool-call format 'xml' (known: auto, hermes, json, llama3, mistral, qwen3-xml, phi4)",
                "gannet: " + temp.resolve("missing.json") + ": no such file",
                "gannet: " + broken + " is not valid JSON",
                "gannet: " + notTools + ": the tools must be a JSON array"};
        for (int i = 0; i < cases.length; i++) {
            CliContractTest.Result r = CliContractTest.run("x", cases[i]);
            assertEquals(1, r.exitCode(), String.join(" ", cases[i]));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith(expected[i]), r.err());
        }
    }
}
