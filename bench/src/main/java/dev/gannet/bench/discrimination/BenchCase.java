package dev.gannet.bench.discrimination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolDeclaration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One benchmark case (docs/bench.md, "Case format").
 *
 * @param id             unique within its suite; names the cached result
 * @param category       what kind of case it is, for the per-category accuracy
 * @param messages       the conversation up to the turn the model must take (no system prompt: the
 *                       runner adds the configuration's)
 * @param tools          the tools offered; ignored when {@code builtinTools}
 * @param builtinTools   offer Gannet's read-only built-in tools instead of {@code tools}
 * @param expected       what the model should do
 * @param expectedTools  the tools that answer the case (any one of them is right); empty when unknown
 *                       or when no tool is expected
 * @param possibleAnswer BFCL-style ground truth for the arguments, or null: a list of
 *                       {@code {tool: {argument: [allowed values…]}}}, where {@code ""} among the
 *                       allowed values makes an argument optional
 * @param workspace      the sample workspace the whole agent loop runs in, or null for a single step
 * @param originalNames  tool names as the case's source spelled them, keyed by the name the model
 *                       sees (BFCL's dotted names are not valid function names for most models)
 */
public record BenchCase(String id, String category, List<ChatMessage> messages, List<ToolDeclaration> tools,
                        boolean builtinTools, Decision expected, Set<String> expectedTools, JsonNode possibleAnswer,
                        String workspace, Map<String, String> originalNames) {
    public BenchCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(expected, "expected");
        if (expected == Decision.ERROR) {
            throw new IllegalArgumentException("a case cannot expect an error");
        }
        expectedTools = Set.copyOf(expectedTools);
        originalNames = Map.copyOf(originalNames);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("case " + id + " has no messages");
        }
    }

    /** Whether the whole agent loop runs (in a sample workspace) rather than one step. */
    public boolean agentic() {
        return workspace != null;
    }

    /** The name a source gave the tool the model calls as {@code name}. */
    public String originalName(String name) {
        return originalNames.getOrDefault(name, name);
    }
}
