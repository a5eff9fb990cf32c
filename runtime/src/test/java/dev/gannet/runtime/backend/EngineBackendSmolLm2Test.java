package dev.gannet.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolDeclaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A manual check on a real model, run only with {@code -Dgannet.smollm2=PATH} (SmolLM2-135M-Instruct as
 * GGUF; not in CI): it answers in words, stops at its end of turn, reuses its cache on the next turn,
 * and under tool_choice required writes a call the parser accepts.
 */
@EnabledIfSystemProperty(named = "gannet.smollm2", matches = ".+")
class EngineBackendSmolLm2Test {
    private static final List<ToolDeclaration> TOOLS = List.of(new ToolDeclaration("read_file", "Reads a file.",
            Map.of("type", "object", "properties", Map.of("path", Map.of("type", "string")), "required", List.of("path"))));

    @Test
    void answersReusesItsCacheAndCallsWhenMadeTo() {
        Path model = Path.of(System.getProperty("gannet.smollm2"));
        try (EngineBackend backend = EngineBackend.open(model, EngineOptions.defaults().withContextSize(2048))) {
            List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("What is the capital of France?")));
            Completion answer = backend.complete(CompletionRequest.of(messages, List.of(),
                    GenerationSettings.greedy().withMaxTokens(48)).withCacheKey("smol"), CompletionListener.IGNORE);
            assertTrue(answer.text().contains("Paris"), answer.text());
            assertEquals(Completion.FinishReason.STOP, answer.finish(), answer.rawText());

            messages.add(ChatMessage.assistant(answer.text()));
            messages.add(ChatMessage.user("And of Italy?"));
            Completion next = backend.complete(CompletionRequest.of(messages, List.of(),
                    GenerationSettings.greedy().withMaxTokens(48)).withCacheKey("smol"), CompletionListener.IGNORE);
            assertTrue(next.usage().cachedPromptTokens() >= answer.usage().promptTokens(), next.usage().toString());
            assertFalse(next.text().isBlank());

            Completion call = backend.complete(CompletionRequest.of(
                    List.of(ChatMessage.system(backend.toolUseSystemPrompt()), ChatMessage.user("Show me README.md")),
                    TOOLS, GenerationSettings.greedy().withMaxTokens(64)).withToolChoice(ToolChoice.required()),
                    CompletionListener.IGNORE);
            assertEquals(1, call.toolCalls().size(), call.rawText());
            assertEquals("read_file", call.toolCalls().getFirst().name());
        }
    }
}
