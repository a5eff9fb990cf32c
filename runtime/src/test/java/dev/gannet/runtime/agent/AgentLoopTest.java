package dev.gannet.runtime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.runtime.backend.Cancellation;
import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.runtime.backend.ScriptedBackend;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop against the scripted model and the real built-in tools on a real workspace. */
class AgentLoopTest {
    private static final String GREP_MAIN = "<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": \"def main\"}}</tool_call>";

    @TempDir
    Path workspace;

    private final List<AgentEvent> events = new ArrayList<>();

    @BeforeEach
    void writeWorkspace() throws IOException {
        Files.writeString(workspace.resolve("app.py"), "import sys\n\ndef main():\n    print('hi')\n");
        Files.writeString(workspace.resolve("util.py"), "def helper():\n    return 1\n");
    }

    private TurnOutcome run(List<String> script, String task, AgentLimits limits) {
        ScriptedBackend backend = new ScriptedBackend("scripted", script, Duration.ZERO);
        AgentLoop loop = new AgentLoop(backend, ToolRegistry.builtins(),
                new AgentSettings(limits, GenerationSettings.greedy(), ToolContext.readOnly(workspace)));
        Conversation conversation = Conversation.start("s1", loop.systemPrompt(), null);
        return run(loop, conversation, task);
    }

    private TurnOutcome run(AgentLoop loop, Conversation conversation, String task) {
        return loop.run(conversation, task, events::add, new Cancellation());
    }

    private List<String> types() {
        return events.stream().map(AgentEvent::type).distinct().toList();
    }

    private <T extends AgentEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void callThenResultThenAnswer() {
        TurnOutcome outcome = run(List.of(GREP_MAIN, "main() is defined in app.py."), "Where is main defined?",
                AgentLimits.DEFAULT);

        assertTrue(outcome.answered());
        assertEquals("main() is defined in app.py.", outcome.answer());
        assertEquals(2, outcome.steps());
        assertEquals(List.of("session", "tool_call", "tool_result", "token", "answer", "done"), types());
        AgentEvent.ToolCallStarted call = eventsOf(AgentEvent.ToolCallStarted.class).getFirst();
        assertEquals("grep", call.name());
        assertEquals("def main", call.arguments().get("pattern").asText());
        AgentEvent.ToolResultReady result = eventsOf(AgentEvent.ToolResultReady.class).getFirst();
        assertTrue(result.ok());
        assertEquals(call.id(), result.id());
        assertTrue(result.output().contains("app.py"), result.output());
        assertFalse(result.output().contains("util.py"), result.output());
        String streamed = String.join("", eventsOf(AgentEvent.Token.class).stream().map(AgentEvent.Token::text).toList());
        assertEquals(outcome.answer(), streamed);
        AgentEvent.Done done = eventsOf(AgentEvent.Done.class).getFirst();
        assertEquals(2, done.steps());
        assertTrue(done.completionTokens() > 0);
    }

    @Test
    void conversationHoldsEveryStepInOrder() {
        ScriptedBackend backend = new ScriptedBackend("scripted", List.of(GREP_MAIN, "In app.py.", "Yes."), Duration.ZERO);
        AgentLoop loop = new AgentLoop(backend, ToolRegistry.builtins(),
                new AgentSettings(AgentLimits.DEFAULT, GenerationSettings.greedy(), ToolContext.readOnly(workspace)));
        Conversation conversation = Conversation.start("s2", loop.systemPrompt(), null);
        run(loop, conversation, "Where is main?");
        TurnOutcome followUp = run(loop, conversation, "Is it the only one?");

        assertEquals("Yes.", followUp.answer());
        List<String> roles = conversation.messages().stream().map(ChatMessage::role).toList();
        assertEquals(List.of("system", "user", "assistant", "tool", "assistant", "user", "assistant"), roles);
        ChatMessage asked = conversation.messages().get(2);
        assertEquals("grep", asked.toolCalls().getFirst().name());
        assertEquals(asked.toolCalls().getFirst().id(), conversation.messages().get(3).toolCallId());
    }

    @Test
    void repeatedCallIsRefusedAndThenTheModelMustAnswer() {
        TurnOutcome outcome = run(List.of(GREP_MAIN, GREP_MAIN, GREP_MAIN, GREP_MAIN), "Where is main?",
                AgentLimits.DEFAULT);

        List<AgentEvent.ToolResultReady> results = eventsOf(AgentEvent.ToolResultReady.class);
        assertEquals(3, results.size());
        assertTrue(results.get(0).ok());
        assertFalse(results.get(1).ok());
        assertTrue(results.get(1).output().contains("already called"), results.get(1).output());
        assertFalse(results.get(2).ok());
        // Two refusals: the fourth step is offered no tools, so its text is the answer.
        assertTrue(outcome.answered());
        assertEquals(4, outcome.steps());
    }

    @Test
    void emptyRequiredArgumentIsNotRun() {
        String emptyGrep = "<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": \"  \"}}</tool_call>";
        TurnOutcome outcome = run(List.of(emptyGrep, "I need a pattern."), "Search", AgentLimits.DEFAULT);

        AgentEvent.ToolResultReady result = eventsOf(AgentEvent.ToolResultReady.class).getFirst();
        assertFalse(result.ok());
        assertTrue(result.output().contains("pattern"), result.output());
        assertTrue(outcome.answered());
    }

    @Test
    void unknownToolGetsAnErrorResultAndTheLoopGoesOn() {
        String bogus = "<tool_call>{\"name\": \"teleport\", \"arguments\": {}}</tool_call>";
        TurnOutcome outcome = run(List.of(bogus, "Sorry."), "Go", AgentLimits.DEFAULT);

        AgentEvent.ToolResultReady result = eventsOf(AgentEvent.ToolResultReady.class).getFirst();
        assertFalse(result.ok());
        assertTrue(outcome.answered());
        assertEquals("Sorry.", outcome.answer());
    }

    @Test
    void stepLimitEndsTheTurnWithAnError() {
        String grepHelper = "<tool_call>{\"name\": \"grep\", \"arguments\": {\"pattern\": \"helper\"}}</tool_call>";
        TurnOutcome outcome = run(List.of(GREP_MAIN, grepHelper, "never read"), "Look",
                AgentLimits.DEFAULT.withMaxSteps(2));

        assertEquals(TurnOutcome.Kind.LIMIT, outcome.kind());
        assertTrue(outcome.detail().contains("2 steps"), outcome.detail());
        assertEquals("error", events.get(events.size() - 2).type());
        assertEquals("done", events.getLast().type());
    }

    @Test
    void backendFailureBecomesAnErrorEvent() {
        TurnOutcome outcome = run(List.of(), "Hello", AgentLimits.DEFAULT);

        assertEquals(TurnOutcome.Kind.ERROR, outcome.kind());
        AgentEvent.Error error = eventsOf(AgentEvent.Error.class).getFirst();
        assertTrue(error.message().contains("no completion left"), error.message());
        assertEquals("done", events.getLast().type());
    }

    @Test
    void cancelledTurnStopsBeforeTheNextStep() {
        ScriptedBackend backend = new ScriptedBackend("scripted", List.of("one two three four five six"),
                Duration.ofMillis(20));
        AgentLoop loop = new AgentLoop(backend, ToolRegistry.builtins(),
                new AgentSettings(AgentLimits.DEFAULT, GenerationSettings.greedy(), ToolContext.readOnly(workspace)));
        Cancellation cancellation = new Cancellation();
        TurnOutcome outcome = loop.run(Conversation.start("s3", null, null), "Count", event -> {
            if (event instanceof AgentEvent.Token) {
                cancellation.cancel();
            }
            events.add(event);
        }, cancellation);

        assertEquals(TurnOutcome.Kind.CANCELLED, outcome.kind());
        assertEquals(1, eventsOf(AgentEvent.Token.class).size());
        assertEquals("done", events.getLast().type());
    }
}
