package dev.gannet.bench.discrimination.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.bench.discrimination.BenchCase;
import dev.gannet.bench.discrimination.Decision;
import dev.gannet.prompts.template.ChatMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One BFCL v4 category as cases: the first turn of each question with its functions offered (names
 * and schemas made fit for models, see {@link ToolSet}), single step. Irrelevance categories must
 * not call; the others must, and where BFCL has {@code possible_answer/} for the category the
 * arguments are checked against it.
 *
 * @param file     the category's file, e.g. {@code BFCL_v4_simple_python.json}
 * @param expected what every case of it expects
 * @param category the category name the cases carry
 */
public record BfclSuite(String file, Decision expected, String category) {
    public List<BenchCase> load(Path bfclDirectory) {
        Path questions = bfclDirectory.resolve(file);
        if (!Files.isRegularFile(questions)) {
            throw new CaseFormatException("BFCL file not found: " + questions);
        }
        Map<String, JsonLines.Line> answers = new HashMap<>();
        Path answerFile = bfclDirectory.resolve("possible_answer").resolve(file);
        if (Files.isRegularFile(answerFile)) {
            for (JsonLines.Line line : JsonLines.read(answerFile)) {
                answers.put(line.value().path("id").asText(), line);
            }
        }
        List<BenchCase> cases = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(questions)) {
            try {
                cases.add(toCase(line.value(), answers));
            } catch (IllegalArgumentException e) {
                throw new CaseFormatException(line.where() + ": " + e.getMessage());
            }
        }
        return cases;
    }

    private BenchCase toCase(JsonNode entry, Map<String, JsonLines.Line> answers) {
        String id = entry.path("id").asText();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("an entry has no id");
        }
        JsonNode turns = entry.path("question");
        if (!turns.isArray() || turns.isEmpty() || !turns.get(0).isArray()) {
            throw new IllegalArgumentException(id + ": 'question' must be a list of turns");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : turns.get(0)) {
            messages.add(CaseFile.message(message));
        }
        List<JsonNode> functions = new ArrayList<>();
        entry.path("function").forEach(functions::add);
        ToolSet tools = ToolSet.of(functions);
        JsonNode possible = null;
        Set<String> expectedTools = new LinkedHashSet<>();
        JsonLines.Line answer = answers.get(id);
        if (answer != null && expected == Decision.TOOL) {
            possible = tools.renameGroundTruth(answer.value().path("ground_truth"));
            possible.forEach(call -> call.fieldNames().forEachRemaining(expectedTools::add));
        }
        return new BenchCase(id, category, messages, tools.declarations(), false, expected, expectedTools, possible,
                null, tools.originalNames());
    }
}
