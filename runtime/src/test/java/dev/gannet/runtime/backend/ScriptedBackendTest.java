package dev.gannet.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolDeclaration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scripted model: canned completions from a JSONL file, streamed and parsed like a real model's. */
class ScriptedBackendTest {
    private static final List<ToolDeclaration> TOOLS = List.of(new ToolDeclaration("read_file", "Reads a file.",
            Map.of("type", "object", "properties", Map.of("path", Map.of("type", "string")), "required", List.of("path"))));

    @TempDir
    Path temp;

    private Path script(String... lines) throws Exception {
        Path file = temp.resolve("script.jsonl");
        Files.write(file, List.of(lines));
        return file;
    }

    private static CompletionRequest request(GenerationSettings settings) {
        return CompletionRequest.of(List.of(ChatMessage.user("go")), TOOLS, settings);
    }

    @Test
    void linesAreJsonStringsSoACompletionMayHoldNewlines() throws Exception {
        ScriptedBackend backend = ScriptedBackend.fromFile(script("\"first line\\nsecond line\"", "", "\"next\""), Duration.ZERO);
        List<String> deltas = new ArrayList<>();
        Completion turn = backend.complete(request(GenerationSettings.greedy()), new CompletionListener() {
            @Override
            public void text(String delta) {
                deltas.add(delta);
            }
        });
        assertEquals("first line\nsecond line", turn.text());
        assertEquals(turn.text(), String.join("", deltas));
        assertTrue(deltas.size() > 1, "streamed in pieces: " + deltas);
        assertEquals(Completion.FinishReason.STOP, turn.finish());
        assertEquals("next", backend.complete(request(GenerationSettings.greedy()), CompletionListener.IGNORE).text());
        assertEquals("script:script.jsonl", backend.id());
    }

    @Test
    void toolCallsAreParsedAsAModelsWouldBe() throws Exception {
        ScriptedBackend backend = ScriptedBackend.fromFile(script(
                "\"Let me look.\\n<tool_call>{\\\"name\\\": \\\"read_file\\\", \\\"arguments\\\": {\\\"path\\\": \\\"a.txt\\\"}}</tool_call>\""),
                Duration.ZERO);
        Completion turn = backend.complete(request(GenerationSettings.greedy()), CompletionListener.IGNORE);
        assertEquals(1, turn.toolCalls().size());
        assertEquals("read_file", turn.toolCalls().getFirst().name());
        assertEquals("a.txt", turn.toolCalls().getFirst().arguments().get("path").asText());
        assertEquals(Completion.FinishReason.TOOL_CALLS, turn.finish());
        assertEquals("Let me look.", turn.text().strip());
    }

    @Test
    void withToolChoiceNoneCallMarkupIsJustText() throws Exception {
        String call = "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.txt\"}}</tool_call>";
        ScriptedBackend backend = ScriptedBackend.fromFile(script("\"" + call.replace("\"", "\\\"") + "\""), Duration.ZERO);
        Completion turn = backend.complete(request(GenerationSettings.greedy()).withToolChoice(ToolChoice.none()),
                CompletionListener.IGNORE);
        assertEquals(List.of(), turn.toolCalls());
        assertEquals(call, turn.text());
    }

    @Test
    void pastTheLastLineEveryRequestFails() throws Exception {
        ScriptedBackend backend = ScriptedBackend.fromFile(script("\"only\""), Duration.ZERO);
        backend.complete(request(GenerationSettings.greedy()), CompletionListener.IGNORE);
        BackendException e = assertThrows(BackendException.class,
                () -> backend.complete(request(GenerationSettings.greedy()), CompletionListener.IGNORE));
        assertEquals("the script has no completion left (it has 1, this was request 2)", e.getMessage());
        assertEquals(1, backend.used());
    }

    @Test
    void aLineThatIsNotAJsonStringIsAClearError() throws Exception {
        Path file = script("\"fine\"", "{\"text\": \"no\"}");
        BackendException e = assertThrows(BackendException.class, () -> ScriptedBackend.fromFile(file, Duration.ZERO));
        assertEquals(file + " line 2 must be a JSON string (the completion's text), not object", e.getMessage());
    }

    @Test
    void stopStringsCutTheText() throws Exception {
        ScriptedBackend backend = ScriptedBackend.fromFile(script("\"one two three four\""), Duration.ZERO);
        Completion turn = backend.complete(request(GenerationSettings.greedy().withStop(List.of("thr"))),
                CompletionListener.IGNORE);
        assertEquals("one two ", turn.text());
        assertEquals(Completion.FinishReason.STOP, turn.finish());
    }

    @Test
    void maxTokensCountsPieces() throws Exception {
        ScriptedBackend backend = ScriptedBackend.fromFile(script("\"one two three four\""), Duration.ZERO);
        Completion turn = backend.complete(request(GenerationSettings.greedy().withMaxTokens(2)), CompletionListener.IGNORE);
        assertEquals("one two", turn.text());
        assertEquals(Completion.FinishReason.LENGTH, turn.finish());
        assertEquals(2, turn.usage().completionTokens());
    }

    @Test
    void aPacedScriptStopsWhenCancelled() throws Exception {
        ScriptedBackend backend = ScriptedBackend.fromFile(script("\"" + "word ".repeat(200).strip() + "\""),
                Duration.ofMillis(5));
        Cancellation cancellation = new Cancellation();
        List<String> deltas = new ArrayList<>();
        long start = System.nanoTime();
        Completion turn = backend.complete(request(GenerationSettings.greedy()).withCancellation(cancellation),
                new CompletionListener() {
                    @Override
                    public void text(String delta) {
                        deltas.add(delta);
                        if (deltas.size() == 3) {
                            cancellation.cancel();
                        }
                    }
                });
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Completion.FinishReason.CANCELLED, turn.finish());
        assertEquals(3, turn.usage().completionTokens());
        assertTrue(millis < 200 * 5, "stopped long before the whole script was paced out: " + millis + " ms");
    }
}
