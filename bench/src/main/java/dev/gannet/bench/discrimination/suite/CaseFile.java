package dev.gannet.bench.discrimination.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.bench.discrimination.BenchCase;
import dev.gannet.bench.discrimination.Decision;
import dev.gannet.prompts.template.ChatMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads cases in Gannet's JSONL case format (docs/bench.md, "Case format"): one JSON object a
 * line; blank lines and lines starting with {@code //} are skipped. Every failure names the source
 * and the line.
 */
public final class CaseFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "category", "prompt", "messages", "tools", "expected",
            "expected_tool", "possible_answer", "workspace");

    private CaseFile() {
    }

    public static List<BenchCase> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            throw new CaseFormatException("cannot read the case file " + file + ": " + e.getMessage());
        }
    }

    /** @param source names the input in messages */
    public static List<BenchCase> read(String source, Reader input) throws IOException {
        List<BenchCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BufferedReader lines = new BufferedReader(input);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("//")) {
                continue;
            }
            String where = source + " line " + number;
            BenchCase parsed;
            try {
                parsed = parse(JSON.readTree(text));
            } catch (JsonProcessingException e) {
                throw new CaseFormatException(where + ": not JSON (" + e.getOriginalMessage() + ")");
            } catch (IllegalArgumentException e) {
                throw new CaseFormatException(where + ": " + e.getMessage());
            }
            if (!ids.add(parsed.id())) {
                throw new CaseFormatException(where + ": the id '" + parsed.id() + "' is used twice");
            }
            cases.add(parsed);
        }
        if (cases.isEmpty()) {
            throw new CaseFormatException(source + " holds no cases");
        }
        return cases;
    }

    /** One case object; IllegalArgumentException names the field at fault. */
    static BenchCase parse(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a case must be a JSON object");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "' (known: " + FIELDS.stream().sorted().toList() + ")");
            }
        });
        String id = requiredText(node, "id");
        String category = node.has("category") ? requiredText(node, "category") : "uncategorised";
        List<ChatMessage> messages = messages(node);
        JsonNode tools = node.get("tools");
        boolean builtin = tools == null || (tools.isTextual() && tools.textValue().equals("builtin"));
        ToolSet toolSet;
        if (builtin) {
            toolSet = new ToolSet(List.of(), Map.of());
        } else if (tools.isArray()) {
            toolSet = ToolSet.of((com.fasterxml.jackson.databind.node.ArrayNode) tools);
        } else {
            throw new IllegalArgumentException("'tools' must be \"builtin\" or an array of declarations");
        }
        Decision expected = Decision.expected(requiredText(node, "expected"));
        Set<String> expectedTools = new LinkedHashSet<>();
        JsonNode expectedTool = node.get("expected_tool");
        if (expectedTool != null) {
            if (expectedTool.isTextual()) {
                expectedTools.add(toolSet.modelName(expectedTool.textValue()));
            } else if (expectedTool.isArray() && !expectedTool.isEmpty()) {
                for (JsonNode name : expectedTool) {
                    if (!name.isTextual()) {
                        throw new IllegalArgumentException("'expected_tool' must hold tool names");
                    }
                    expectedTools.add(toolSet.modelName(name.textValue()));
                }
            } else {
                throw new IllegalArgumentException("'expected_tool' must be a tool name or a list of them");
            }
            if (expected != Decision.TOOL) {
                throw new IllegalArgumentException("'expected_tool' only makes sense with \"expected\": \"tool\"");
            }
        }
        JsonNode possible = node.get("possible_answer");
        if (possible != null) {
            if (!possible.isArray() || possible.isEmpty() || !possible.get(0).isObject()) {
                throw new IllegalArgumentException("'possible_answer' must be a list of {tool: {argument: [values…]}}");
            }
            possible = toolSet.renameGroundTruth(possible);
        }
        String workspace = node.has("workspace") ? requiredText(node, "workspace") : null;
        return new BenchCase(id, category, messages, toolSet.declarations(), builtin, expected, expectedTools,
                possible, workspace, toolSet.originalNames());
    }

    private static List<ChatMessage> messages(JsonNode node) {
        if (node.has("prompt") == node.has("messages")) {
            throw new IllegalArgumentException("give either 'prompt' or 'messages'");
        }
        if (node.has("prompt")) {
            return List.of(ChatMessage.user(requiredText(node, "prompt")));
        }
        JsonNode list = node.get("messages");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty list");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : list) {
            messages.add(message(message));
        }
        return messages;
    }

    /** A {@code {role, content}} message as BFCL, When2Call and the case format write it. */
    static ChatMessage message(JsonNode message) {
        if (!message.path("role").isTextual() || !message.path("content").isTextual()) {
            throw new IllegalArgumentException("a message needs a 'role' and a text 'content': " + message);
        }
        return new ChatMessage(message.get("role").textValue(), message.get("content").textValue(), List.of(), null, null);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
        }
        return value.textValue();
    }
}
