package dev.gannet.runtime.server;

import static dev.gannet.runtime.server.ServerFixture.WEATHER_CALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official {@code openai} npm client, unchanged, against a real server: a whole and a streamed
 * chat completion with a tool call, the client's own stream helper, a refused request, the model
 * list. What the client assembles from the stream must equal the whole answer's call.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 360, timeUnit = TimeUnit.SECONDS)
class OpenAiClientTruthTest {
    @Test
    void theOfficialClientGetsTheSameToolCallWholeAndStreamed(Vertx vertx) throws Exception {
        ServerOptions options = ServerOptions.loopback(0).withApiKey("test-key");
        try (ServerFixture fixture = ServerFixture.start(vertx, options,
                ServerFixture.scripted(Duration.ZERO, WEATHER_CALL, WEATHER_CALL, WEATHER_CALL), ref -> null, null)) {
            String out = NodeScripts.run("openai-chat.mjs", Map.of(
                    "GANNET_BASE_URL", "http://127.0.0.1:" + fixture.port() + "/v1",
                    "GANNET_API_KEY", "test-key"), "");
            JsonNode result = ServerFixture.JSON.readTree(out);

            JsonNode whole = result.get("whole").get("choices").get(0);
            assertEquals("tool_calls", whole.get("finish_reason").asText());
            JsonNode call = whole.get("message").get("tool_calls").get(0);
            assertEquals("get_weather", call.get("function").get("name").asText());
            JsonNode arguments = ServerFixture.JSON.readTree(call.get("function").get("arguments").asText());
            assertEquals("Paris", arguments.get("city").asText());

            JsonNode streamed = result.get("streamed");
            assertEquals("tool_calls", streamed.get("finishReason").asText());
            assertEquals(1, streamed.get("calls").size());
            JsonNode streamedCall = streamed.get("calls").get(0);
            assertEquals("function", streamedCall.get("type").asText());
            assertTrue(streamedCall.get("id").asText().startsWith("call_"));
            assertEquals(call.get("function").get("name").asText(), streamedCall.get("name").asText());
            assertEquals(call.get("function").get("arguments").asText(), streamedCall.get("arguments").asText());
            assertEquals("", streamed.get("content").asText());
            assertTrue(streamed.get("usage").get("completion_tokens").asInt() > 0);

            JsonNode helperCall = result.get("helper").get("choices").get(0).get("message").get("tool_calls").get(0);
            assertEquals("get_weather", helperCall.get("function").get("name").asText());
            assertEquals(call.get("function").get("arguments").asText(),
                    helperCall.get("function").get("arguments").asText());

            JsonNode refused = result.get("refused");
            assertEquals(400, refused.get("status").asInt());
            assertEquals("temperature", refused.get("param").asText());
            assertTrue(refused.get("message").asText().contains("temperature"), refused.toString());

            assertEquals("scripted", result.get("models").get(0).asText());
        }
    }
}
