package dev.gannet.bench.discrimination.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.bench.discrimination.BenchCase;
import dev.gannet.bench.discrimination.Decision;
import dev.gannet.prompts.template.ChatMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When2Call's test set as cases, single step: the question with its tools (each a JSON string in
 * the file). {@code correct_answer} becomes the expectation: {@code tool_call} → tool (the
 * {@code target_tool}'s name expected, when given), {@code request_for_info} → ask,
 * {@code cannot_answer} → cannot. The category is the expectation, so per-category accuracy reads
 * as When2Call's own breakdown.
 */
public final class When2CallSuite {
    public static final String FILE = "when2call_test_llm_judge.jsonl";

    private When2CallSuite() {
    }

    public static List<BenchCase> load(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new CaseFormatException("When2Call file not found: " + file);
        }
        List<BenchCase> cases = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(file)) {
            try {
                cases.add(toCase(line));
            } catch (IllegalArgumentException e) {
                throw new CaseFormatException(line.where() + ": " + e.getMessage());
            }
        }
        return cases;
    }

    private static BenchCase toCase(JsonLines.Line line) {
        JsonNode entry = line.value();
        String id = entry.path("uuid").asText();
        String label = entry.path("correct_answer").asText();
        Decision expected = switch (label) {
            case "tool_call" -> Decision.TOOL;
            case "request_for_info" -> Decision.ASK;
            case "cannot_answer" -> Decision.CANNOT;
            default -> throw new IllegalArgumentException("unknown correct_answer '" + label + "'");
        };
        List<JsonNode> functions = new ArrayList<>();
        for (JsonNode tool : entry.path("tools")) {
            functions.add(tool.isTextual() ? JsonLines.parse(tool.textValue(), line.where()) : tool);
        }
        ToolSet tools = ToolSet.of(functions);
        Set<String> expectedTools = Set.of();
        JsonNode target = entry.get("target_tool");
        if (expected == Decision.TOOL && target != null && !target.isNull()) {
            JsonNode parsed = target.isTextual() ? JsonLines.parse(target.textValue(), line.where()) : target;
            if (parsed.path("name").isTextual()) {
                expectedTools = Set.of(tools.modelName(parsed.get("name").textValue()));
            }
        }
        List<ChatMessage> messages = List.of(ChatMessage.user(entry.path("question").asText()));
        return new BenchCase(id, label, messages, tools.declarations(), false, expected, expectedTools, null, null,
                tools.originalNames());
    }
}
