package dev.gannet.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.prompts.toolcall.DeclaredTools;
import dev.gannet.prompts.toolcall.ParseResult;
import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallError;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import dev.gannet.prompts.toolcall.ToolCallParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gannet parse-calls}: a model's raw output on standard input, split into answer text, tool
 * calls and errors, printed as one JSON object:
 * {@code {"content": "…", "tool_calls": [{"name": …, "arguments": {…}}], "errors": ["…"]}}.
 * Calls the model got wrong are reported under "errors" (exit status 0); only a bad option or tools
 * file is a failure.
 */
@Command(name = "parse-calls", mixinStandardHelpOptions = true,
        description = "Read a model's raw output on standard input; print its text, tool calls and errors as one JSON object.")
final class ParseCallsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto, hermes, json, llama3, mistral, qwen3-xml or phi4 (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--tools", paramLabel = "FILE.json",
            description = "the declared tools, a JSON array as OpenAI-compatible requests send it; only these names "
                    + "become calls, and arguments are checked against their schemas. Without it any tool name is "
                    + "accepted and arguments are not checked.")
    Path tools;

    @Spec
    CommandSpec spec;

    /** Standard input; tests replace it. */
    InputStream input = System.in;

    @Override
    public Integer call() throws IOException {
        ToolCallFormat callFormat = ToolCallFormat.named(format);
        DeclaredTools declared = tools == null ? DeclaredTools.anyName() : readTools(tools);
        String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        ParseResult result = ToolCallParser.of(callFormat, declared).parse(text);
        PrintWriter out = spec.commandLine().getOut();
        out.println(JSON.writeValueAsString(toJson(result)));
        out.flush();
        return 0;
    }

    private static DeclaredTools readTools(Path file) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
        try {
            return DeclaredTools.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private static ObjectNode toJson(ParseResult result) {
        ObjectNode json = JSON.createObjectNode();
        json.put("content", result.content());
        ArrayNode calls = json.putArray("tool_calls");
        for (ToolCall call : result.calls()) {
            ObjectNode entry = calls.addObject();
            entry.put("name", call.name());
            entry.set("arguments", call.arguments());
        }
        ArrayNode errors = json.putArray("errors");
        for (ToolCallError error : result.errors()) {
            errors.add(error.message());
        }
        return json;
    }
}
