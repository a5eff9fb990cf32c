package dev.gannet.runtime.server;

import static dev.gannet.runtime.server.ServerFixture.WEATHER_CALL;
import static dev.gannet.runtime.server.ServerFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /v1/chat/completions} on a real server, whole and streamed, against the OpenAI wire format. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ServerOpenAiTest {
    static final String TOOLS = """
            [{"type":"function","function":{"name":"get_weather","description":"Weather in a city.",
              "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]""";

    static String request(String extra) {
        return "{\"model\":\"scripted\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}],"
                + "\"tools\":" + TOOLS + extra + "}";
    }

    /** The JSON payloads of an SSE body, up to (not including) {@code [DONE]}, which must end it. */
    static List<JsonNode> events(String body) {
        List<JsonNode> chunks = new ArrayList<>();
        String[] blocks = body.split("\n\n");
        assertEquals("data: [DONE]", blocks[blocks.length - 1], "the stream must end with data: [DONE]");
        for (int i = 0; i < blocks.length - 1; i++) {
            assertTrue(blocks[i].startsWith("data: "), blocks[i]);
            chunks.add(ServerFixture.JSON.valueToTree(parse(blocks[i].substring(6))));
        }
        return chunks;
    }

    private static JsonNode parse(String text) {
        try {
            return ServerFixture.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    @Test
    void answersAWholeCompletion(Vertx vertx) {
        try (ServerFixture fixture = ServerFixture.start(vertx, ServerFixture.scripted(Duration.ZERO,
                "It is sunny in Paris."))) {
            HttpResponse<Buffer> response = fixture.post("/v1/chat/completions",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}");
            assertEquals(200, response.statusCode(), response.bodyAsString());
            JsonNode body = json(response);
            assertEquals("chat.completion", body.get("object").asText());
            assertTrue(body.get("id").asText().startsWith("chatcmpl-"));
            assertEquals("scripted", body.get("model").asText());
            JsonNode choice = body.get("choices").get(0);
            assertEquals("assistant", choice.get("message").get("role").asText());
            assertEquals("It is sunny in Paris.", choice.get("message").get("content").asText());
            assertEquals("stop", choice.get("finish_reason").asText());
            JsonNode usage = body.get("usage");
            assertEquals(5, usage.get("completion_tokens").asInt());
            assertEquals(usage.get("prompt_tokens").asInt() + 5, usage.get("total_tokens").asInt());
        }
    }

    // Repeated: a script answers in microseconds, so the end of the stream once raced ahead of the
    // tool-call deltas still queued on the event loop.
    @RepeatedTest(10)
    void streamedToolCallDeltasConcatenateToTheWholeCall(Vertx vertx) {
        try (ServerFixture fixture = ServerFixture.start(vertx, ServerFixture.scripted(Duration.ZERO,
                WEATHER_CALL, WEATHER_CALL))) {
            JsonNode whole = json(fixture.post("/v1/chat/completions", request("")));
            JsonNode message = whole.get("choices").get(0).get("message");
            assertEquals("tool_calls", whole.get("choices").get(0).get("finish_reason").asText());
            assertTrue(message.get("content").isNull(), message.toString());
            JsonNode call = message.get("tool_calls").get(0);
            assertEquals("function", call.get("type").asText());
            assertEquals("get_weather", call.get("function").get("name").asText());
            assertEquals("{\"city\":\"Paris\"}", call.get("function").get("arguments").asText());

            HttpResponse<Buffer> streamed = fixture.post("/v1/chat/completions",
                    request(",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));
            assertEquals(200, streamed.statusCode());
            assertTrue(streamed.getHeader("Content-Type").startsWith("text/event-stream"));
            List<JsonNode> chunks = events(streamed.bodyAsString());
            String id = chunks.getFirst().get("id").asText();
            assertEquals("assistant", chunks.getFirst().get("choices").get(0).get("delta").get("role").asText());
            StringBuilder arguments = new StringBuilder();
            JsonNode opening = null;
            int fragments = 0;
            String finish = null;
            for (JsonNode chunk : chunks) {
                assertEquals("chat.completion.chunk", chunk.get("object").asText());
                assertEquals(id, chunk.get("id").asText(), "every chunk carries the same id");
                for (JsonNode choice : chunk.get("choices")) {
                    if (!choice.get("finish_reason").isNull()) {
                        finish = choice.get("finish_reason").asText();
                        assertTrue(choice.get("delta").isEmpty(), "the last choice chunk has an empty delta");
                    }
                    for (JsonNode delta : choice.get("delta").path("tool_calls")) {
                        assertEquals(0, delta.get("index").asInt());
                        if (delta.has("id")) {
                            assertEquals(null, opening, "only the first delta of a call names it");
                            opening = delta;
                        } else {
                            fragments++;
                        }
                        arguments.append(delta.get("function").get("arguments").asText());
                    }
                }
            }
            assertNotNull(opening, streamed.bodyAsString());
            assertEquals("function", opening.get("type").asText());
            assertEquals("get_weather", opening.get("function").get("name").asText());
            assertEquals("", opening.get("function").get("arguments").asText());
            assertTrue(fragments > 1, "the arguments arrive in fragments");
            assertEquals(call.get("function").get("arguments").asText(), arguments.toString());
            assertEquals("tool_calls", finish);
            JsonNode usage = chunks.getLast();
            assertEquals(0, usage.get("choices").size(), "the usage chunk has no choices");
            assertTrue(usage.get("usage").get("completion_tokens").asInt() > 0);
            assertTrue(chunks.get(1).get("usage").isNull(), "usage is null on the other chunks");
        }
    }

    @Test
    void streamsAnswerTextAsContentDeltas(Vertx vertx) {
        try (ServerFixture fixture = ServerFixture.start(vertx, ServerFixture.scripted(Duration.ZERO,
                "One two three. STOP here"))) {
            HttpResponse<Buffer> streamed = fixture.post("/v1/chat/completions",
                    "{\"model\":\"m\",\"stream\":true,\"stop\":[\"STOP\"],"
                            + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Count\"}]}]}");
            StringBuilder content = new StringBuilder();
            String finish = null;
            for (JsonNode chunk : events(streamed.bodyAsString())) {
                assertFalse(chunk.has("usage"), "no usage unless asked for");
                JsonNode choice = chunk.get("choices").get(0);
                content.append(choice.get("delta").path("content").asText(""));
                if (!choice.get("finish_reason").isNull()) {
                    finish = choice.get("finish_reason").asText();
                }
            }
            assertEquals("One two three. ", content.toString());
            assertEquals("stop", finish);
        }
    }

    @Test
    void badRequestsGetOneOpenAiErrorAndTheServerKeepsServing(Vertx vertx) {
        try (ServerFixture fixture = ServerFixture.start(vertx, ServerFixture.scripted(Duration.ZERO, "fine"))) {
            assertError(fixture.post("/v1/chat/completions", "{\"model\": \"m\", \"messages\": ["), 400, null);
            assertError(fixture.post("/v1/chat/completions", "[1, 2]"), 400, null);
            assertError(fixture.post("/v1/chat/completions", "{\"model\":\"m\"}"), 400, "messages");
            assertError(fixture.post("/v1/chat/completions", request(",\"temperature\":\"hot\"")), 400, "temperature");
            assertError(fixture.post("/v1/chat/completions", request(",\"bogus\":1")), 400, "bogus");
            assertError(fixture.post("/v1/chat/completions", request(",\"n\":3")), 400, "n");
            assertError(fixture.post("/v1/chat/completions", request(
                    ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"nope\"}}")), 400, "tool_choice");
            assertError(fixture.post("/v1/chat/completions", request(",\"stream_options\":{\"include_usage\":true}")),
                    400, "stream_options");
            assertError(fixture.post("/v1/chat/completions",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}"), 400, "messages[0].role");
            assertError(fixture.get("/v1/nothing-here"), 404, null);
            assertError(fixture.get("/v1/chat/completions"), 405, null);

            HttpResponse<Buffer> after = fixture.post("/v1/chat/completions", request(""));
            assertEquals(200, after.statusCode(), after.bodyAsString());
            assertEquals("fine", json(after).get("choices").get(0).get("message").get("content").asText());
        }
    }

    @Test
    void modelFailuresAreServerErrorsWithTheirMessage(Vertx vertx) {
        try (ServerFixture fixture = ServerFixture.start(vertx, ServerFixture.scripted(Duration.ZERO))) {
            HttpResponse<Buffer> response = fixture.post("/v1/chat/completions", request(",\"stream\":true"));
            JsonNode error = assertError(response, 500, null);
            assertTrue(error.get("message").asText().contains("no completion left"), error.toString());
        }
    }

    static JsonNode assertError(HttpResponse<Buffer> response, int status, String param) {
        assertEquals(status, response.statusCode(), response.bodyAsString());
        assertTrue(response.getHeader("Content-Type").startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertNotNull(error, response.bodyAsString());
        assertFalse(error.get("message").asText().isBlank());
        assertFalse(error.get("message").asText().contains("Exception"), "no Java internals: " + error);
        assertTrue(error.has("type") && error.has("param") && error.has("code"), error.toString());
        if (param != null) {
            assertEquals(param, error.get("param").asText(), error.toString());
        }
        return error;
    }
}
