package dev.gannet.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.runtime.agent.AgentLimits;
import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.server.agent.AgentSetup;
import dev.gannet.runtime.server.agent.AgentSocketHandler;
import dev.gannet.runtime.session.SqliteSessionStore;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The agent protocol on {@code /v1/agent}, with a real WebSocket client, the scripted model and real tools. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class AgentSocketTest {
    private static final String READ_NOTES =
            "<tool_call>{\"name\": \"read_file\", \"arguments\": {\"path\": \"notes.txt\"}}</tool_call>";
    private static final String LONG_ANSWER = "word ".repeat(300).strip();

    @TempDir
    Path workspace;

    @BeforeEach
    void writeWorkspace() throws Exception {
        Files.writeString(workspace.resolve("notes.txt"), "The launch code is hello-gannet.\n");
    }

    private ServerFixture start(Vertx vertx, ModelBackend model) {
        AgentSetup setup = new AgentSetup(ToolRegistry.builtins(), ToolContext.readOnly(workspace), AgentLimits.DEFAULT,
                GenerationSettings.greedy(), null);
        return ServerFixture.start(vertx, ServerOptions.loopback(0), model, ref -> null,
                AgentSocketHandler.factory(setup));
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).distinct().toList();
    }

    @Test
    void aRunCallsAToolReadsItsResultAndAnswersThenAFollowUpContinues(Vertx vertx) {
        try (ServerFixture fixture = start(vertx, ServerFixture.scripted(Duration.ZERO, READ_NOTES,
                "The code is hello-gannet.", "You asked about the launch code."));
             AgentSocketClient client = new AgentSocketClient(vertx, fixture.port())) {
            client.send("{\"type\":\"run\",\"task\":\"What is the launch code?\"}");
            List<JsonNode> turn = client.untilDone();
            assertEquals(List.of("session", "tool_call", "tool_result", "token", "answer", "done"), types(turn));
            String session = turn.getFirst().get("id").asText();
            JsonNode call = turn.get(1);
            assertEquals("read_file", call.get("name").asText());
            assertEquals("notes.txt", call.get("arguments").get("path").asText());
            JsonNode result = turn.get(2);
            assertEquals(call.get("id").asText(), result.get("id").asText());
            assertTrue(result.get("ok").asBoolean(), result.toString());
            assertTrue(result.get("output").asText().contains("hello-gannet"), result.toString());
            assertFalse(result.get("truncated").asBoolean());
            assertTrue(result.has("ms"));
            JsonNode answer = turn.stream().filter(e -> e.get("type").asText().equals("answer")).findFirst().get();
            assertEquals("The code is hello-gannet.", answer.get("text").asText());
            JsonNode done = turn.getLast();
            assertEquals(2, done.get("steps").asInt());
            assertTrue(done.get("completion_tokens").asInt() > 0);
            assertTrue(done.has("prompt_tokens") && done.has("ms") && done.has("tok_s"), done.toString());

            client.send("{\"type\":\"message\",\"text\":\"What did I ask?\"}");
            List<JsonNode> followUp = client.untilDone();
            assertEquals(session, followUp.getFirst().get("id").asText(), "the follow-up stays in the session");
            assertEquals("You asked about the launch code.", followUp.get(followUp.size() - 2).get("text").asText());
            // The follow-up's prompt carries the whole conversation, tool result included.
            assertTrue(followUp.getLast().get("prompt_tokens").asInt() > done.get("prompt_tokens").asInt() / 2);
            assertEquals(1, followUp.getLast().get("steps").asInt());
            assertEquals(1, fixture.server.metrics().toolCalls("read_file", dev.gannet.runtime.metrics.ToolOutcome.OK));
        }
    }

    @Test
    void storedSessionsAreServedReadBackAfterARestartAndResumed(Vertx vertx) {
        Path data = workspace.resolve(".data");
        String session;
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(data)) {
            AgentSetup setup = new AgentSetup(ToolRegistry.builtins(), ToolContext.readOnly(workspace),
                    AgentLimits.DEFAULT, GenerationSettings.greedy(), store);
            try (ServerFixture fixture = ServerFixture.start(vertx, ServerOptions.loopback(0),
                    ServerFixture.scripted(Duration.ZERO, READ_NOTES, "hello-gannet."), ref -> null, store,
                    AgentSocketHandler.factory(setup));
                 AgentSocketClient client = new AgentSocketClient(vertx, fixture.port())) {
                client.send("{\"type\":\"run\",\"task\":\"What is the launch code?\"}");
                session = client.untilDone().getFirst().get("id").asText();
                JsonNode stored = ServerFixture.json(fixture.get("/v1/sessions/" + session));
                assertEquals(session, stored.get("session").get("id").asText());
                List<String> roles = new ArrayList<>();
                stored.get("messages").forEach(m -> roles.add(m.get("role").asText()));
                assertEquals(List.of("system", "user", "assistant", "tool", "assistant"), roles);
                assertEquals("read_file", stored.get("tool_runs").get(0).get("name").asText());
                assertEquals("answer", stored.get("turns").get(0).get("outcome").asText());
                ServerOpenAiTest.assertError(fixture.get("/v1/sessions/no-such-session"), 404, null);
            }
        }
        // A new store on the same file, as after a restart: the session is there and can be continued.
        try (SqliteSessionStore store = SqliteSessionStore.inDataDir(data)) {
            AgentSetup setup = new AgentSetup(ToolRegistry.builtins(), ToolContext.readOnly(workspace),
                    AgentLimits.DEFAULT, GenerationSettings.greedy(), store);
            try (ServerFixture fixture = ServerFixture.start(vertx, ServerOptions.loopback(0),
                    ServerFixture.scripted(Duration.ZERO, "Still hello-gannet."), ref -> null, store,
                    AgentSocketHandler.factory(setup));
                 AgentSocketClient client = new AgentSocketClient(vertx, fixture.port())) {
                client.send("{\"type\":\"run\",\"task\":\"And now?\",\"session\":\"" + session + "\"}");
                List<JsonNode> turn = client.untilDone();
                assertEquals(session, turn.getFirst().get("id").asText());
                JsonNode stored = ServerFixture.json(fixture.get("/v1/sessions/" + session));
                assertEquals(7, stored.get("messages").size());
                assertEquals(2, stored.get("turns").size());
            }
        }
    }

    @Test
    void cancelStopsGenerationWithin200Milliseconds(Vertx vertx) {
        try (ServerFixture fixture = start(vertx, ServerFixture.scripted(Duration.ofMillis(10), LONG_ANSWER, "next"));
             AgentSocketClient client = new AgentSocketClient(vertx, fixture.port())) {
            client.send("{\"type\":\"run\",\"task\":\"Talk for a while.\"}");
            client.next("session");
            client.next("token");
            long cancelled = System.nanoTime();
            client.send("{\"type\":\"cancel\"}");
            List<JsonNode> rest = client.untilDone();
            long millis = (System.nanoTime() - cancelled) / 1_000_000;
            assertTrue(millis < 200, "done came " + millis + " ms after cancel");
            JsonNode error = rest.get(rest.size() - 2);
            assertEquals("error", error.get("type").asText());
            assertEquals("cancelled", error.get("message").asText());
            long tokens = rest.stream().filter(e -> e.get("type").asText().equals("token")).count();
            assertTrue(tokens < 290, "generation stopped early, not after " + tokens + " more tokens");

            client.send("{\"type\":\"message\",\"text\":\"Go on.\"}");
            List<JsonNode> next = client.untilDone();
            assertEquals("next", next.get(next.size() - 2).get("text").asText(), "the session still works");
        }
    }

    @Test
    void closingTheSocketCancelsTheTurn(Vertx vertx) {
        try (ServerFixture fixture = start(vertx, ServerFixture.scripted(Duration.ofMillis(10), LONG_ANSWER));
             AgentSocketClient client = new AgentSocketClient(vertx, fixture.port())) {
            client.send("{\"type\":\"run\",\"task\":\"Talk for a while.\"}");
            client.next("session");
            client.next("token");
            client.closeSocket();
            ServerQueueTest.waitUntil(() -> fixture.server.metrics().prometheusText()
                    .contains("gannet_agent_runs_total{outcome=\"cancelled\"} 1"));
        }
    }

    @Test
    void twentyConcurrentSessionsEachGetTheirOwnAnswer(Vertx vertx) {
        String[] answers = new String[20];
        java.util.Arrays.fill(answers, "All done here.");
        try (ServerFixture fixture = start(vertx, ServerFixture.scripted(Duration.ZERO, answers))) {
            List<AgentSocketClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    clients.add(new AgentSocketClient(vertx, fixture.port()));
                }
                for (AgentSocketClient client : clients) {
                    client.send("{\"type\":\"run\",\"task\":\"Finish up.\"}");
                }
                Set<String> sessions = Collections.synchronizedSet(new HashSet<>());
                for (AgentSocketClient client : clients) {
                    List<JsonNode> turn = client.untilDone();
                    sessions.add(turn.getFirst().get("id").asText());
                    assertEquals("All done here.", turn.get(turn.size() - 2).get("text").asText(), turn.toString());
                }
                assertEquals(20, sessions.size(), "every connection has a session of its own");
            } finally {
                clients.forEach(AgentSocketClient::close);
            }
        }
    }

    @Test
    void malformedMessagesGetAnErrorAndTheConnectionStays(Vertx vertx) {
        try (ServerFixture fixture = start(vertx, ServerFixture.scripted(Duration.ZERO, "Still here."));
             AgentSocketClient client = new AgentSocketClient(vertx, fixture.port())) {
            for (String bad : List.of("not json", "[1,2]", "{\"type\":\"fly\"}", "{\"type\":\"run\"}",
                    "{\"type\":\"run\",\"task\":\"x\",\"colour\":\"red\"}", "{\"type\":\"run\",\"task\":7}",
                    "{\"type\":\"message\",\"text\":\"no session yet\"}")) {
                client.send(bad);
                JsonNode error = client.next("error");
                assertFalse(error.get("message").asText().isBlank());
                assertFalse(error.get("message").asText().contains("Exception"), error.toString());
            }
            client.sendBinary(new byte[] {1, 2, 3});
            client.next("error");
            client.send("{\"type\":\"run\",\"task\":\"x\",\"mode\":\"god-mode\"}");
            List<JsonNode> refused = client.untilDone();
            assertEquals(List.of("error", "done"), types(refused));
            assertTrue(refused.getFirst().get("message").asText().contains("read-only"), refused.toString());

            client.send("{\"type\":\"run\",\"task\":\"Are you there?\"}");
            List<JsonNode> turn = client.untilDone();
            assertEquals("Still here.", turn.get(turn.size() - 2).get("text").asText());
            assertNotEquals(0, turn.size());
        }
    }
}
