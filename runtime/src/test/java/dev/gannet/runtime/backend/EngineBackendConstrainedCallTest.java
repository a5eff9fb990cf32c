package dev.gannet.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.kernels.engine.SamplingParameters;
import dev.gannet.prompts.schema.JsonSchemaValidator;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.prompts.toolcall.ParseResult;
import dev.gannet.prompts.toolcall.ToolCall;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import dev.gannet.prompts.toolcall.ToolCallParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Constrained calls on a random-weight model, which left to itself writes gibberish: with tool_choice
 * required or named, the grammar alone makes its output a valid call, which an independent parse of
 * the raw text and the JSON schema validator confirm.
 */
class EngineBackendConstrainedCallTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enum-valued arguments keep a call short: a random model rarely closes a free string. */
    private static final List<ToolDeclaration> TOOLS = List.of(
            new ToolDeclaration("set_mode", "Sets the mode.", Map.of("type", "object",
                    "properties", Map.of("mode", Map.of("type", "string", "enum", List.of("fast", "slow"))),
                    "required", List.of("mode"))),
            new ToolDeclaration("toggle", "Turns the light on or off.", Map.of("type", "object",
                    "properties", Map.of("on", Map.of("type", "boolean")), "required", List.of("on"))));
    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.user("Make it fast."));
    private static EngineBackend backend;

    @BeforeAll
    static void open() {
        backend = EngineBackend.open(BackendFixtures.model("qwen2-s7-q8_0.gguf"),
                EngineOptions.defaults().withThreads(1).withContextSize(1024));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static CompletionRequest request(ToolChoice choice, long seed) {
        GenerationSettings settings = GenerationSettings.greedy().withMaxTokens(300)
                .withSampling(SamplingParameters.defaults(seed).withTemperature(1.0f));
        return CompletionRequest.of(MESSAGES, TOOLS, settings).withToolChoice(choice);
    }

    @Test
    void theFixtureTemplateWritesHermesCalls() {
        assertEquals(ToolCallFormat.HERMES, backend.toolCallFormat());
    }

    @Test
    void requiredYieldsAValidCallForADeclaredTool() {
        for (long seed = 1; seed <= 3; seed++) {
            Completion turn = backend.complete(request(ToolChoice.required(), seed), CompletionListener.IGNORE);
            ToolCall call = assertOneValidCall(turn);
            assertTrue(call.name().equals("set_mode") || call.name().equals("toggle"), call.name());
        }
    }

    @Test
    void namedYieldsAValidCallToThatTool() {
        Completion turn = backend.complete(request(ToolChoice.named("toggle"), 7), CompletionListener.IGNORE);
        ToolCall call = assertOneValidCall(turn);
        assertEquals("toggle", call.name());
    }

    @Test
    void aNamedToolThatIsNotOfferedIsAClearError() {
        BackendException e = assertThrows(BackendException.class,
                () -> backend.complete(request(ToolChoice.named("rm_rf"), 1), CompletionListener.IGNORE));
        assertTrue(e.getMessage().contains("'rm_rf', which is not among the tools offered (set_mode, toggle)"),
                e.getMessage());
    }

    @Test
    void noneNeitherOffersNorParsesCalls() {
        Completion turn = backend.complete(request(ToolChoice.none(), 1).withCacheKey(null), CompletionListener.IGNORE);
        assertEquals(List.of(), turn.toolCalls());
        assertEquals(turn.rawText(), turn.text());
    }

    private static ToolCall assertOneValidCall(Completion turn) {
        assertEquals(List.of(), turn.failedCalls(), turn.rawText());
        assertEquals(1, turn.toolCalls().size(), turn.rawText());
        assertTrue(turn.rawText().startsWith("<tool_call>"), turn.rawText());
        // An independent reading of the raw text agrees, and the arguments satisfy the schema.
        ParseResult parsed = ToolCallParser.of(ToolCallFormat.HERMES, TurnParser.declared(TOOLS)).parse(turn.rawText());
        assertEquals(List.of(), parsed.errors(), turn.rawText());
        assertTrue(parsed.calls().size() >= 1, turn.rawText());
        ToolCall call = turn.toolCalls().getFirst();
        assertEquals(parsed.calls().getFirst().name(), call.name());
        assertEquals(parsed.calls().getFirst().arguments(), call.arguments());
        ToolDeclaration declared = TOOLS.stream().filter(t -> t.name().equals(call.name())).findFirst().orElseThrow();
        JsonNode schema = JSON.valueToTree(declared.parameters());
        assertEquals(List.of(), JsonSchemaValidator.validate(schema, call.arguments()), call.arguments().toString());
        return call;
    }
}
