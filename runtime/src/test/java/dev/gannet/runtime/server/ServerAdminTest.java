package dev.gannet.runtime.server;

import static dev.gannet.runtime.server.ServerFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gannet.runtime.backend.ScriptedBackend;
import dev.gannet.runtime.cli.GannetCli;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.backend.ScriptedBackend;
import dev.gannet.runtime.metrics.ToolOutcome;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Models, hot swap, health, metrics and the API key, on a real server. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ServerAdminTest {
    private static final String ASK = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @TempDir
    Path dir;

    @Test
    void hotSwapServesTheNewModelAndListsIt(Vertx vertx) {
        Path second = ServerFixture.scriptFile(dir, "second.jsonl", "from the second model");
        try (ServerFixture fixture = ServerFixture.start(vertx, ServerOptions.loopback(0),
                ServerFixture.scripted(Duration.ZERO, "from the first model"), ServerAdminTest::openScript, null)) {
            assertEquals("scripted", json(fixture.get("/v1/models")).get("data").get(0).get("id").asText());
            assertEquals("from the first model", content(fixture.post("/v1/chat/completions", ASK)));

            HttpResponse<Buffer> loaded = fixture.post("/v1/models/load",
                    "{\"model\":" + ServerFixture.JSON.valueToTree("script:" + second) + "}");
            assertEquals(200, loaded.statusCode(), loaded.bodyAsString());
            assertEquals("script:second.jsonl", json(loaded).get("id").asText());
            assertEquals("scripted", json(loaded).get("replaced").asText());

            JsonNode models = json(fixture.get("/v1/models"));
            assertEquals("list", models.get("object").asText());
            assertEquals("script:second.jsonl", models.get("data").get(0).get("id").asText());
            assertEquals("model", models.get("data").get(0).get("object").asText());
            assertEquals("from the second model", content(fixture.post("/v1/chat/completions", ASK)));

            HttpResponse<Buffer> missing = fixture.post("/v1/models/load", "{\"model\":\"script:/no/such.jsonl\"}");
            ServerOpenAiTest.assertError(missing, 400, "model");
            assertEquals("script:second.jsonl", json(fixture.get("/health")).get("model").asText());
        }
    }

    @Test
    void anApiKeyGuardsEverythingButHealth(Vertx vertx) {
        ServerOptions options = ServerOptions.loopback(0).withApiKey("s3cret");
        try (ServerFixture fixture = ServerFixture.start(vertx, options, ServerFixture.scripted(Duration.ZERO, "ok"),
                ref -> null, null)) {
            assertEquals(200, fixture.get("/health").statusCode());
            ServerOpenAiTest.assertError(fixture.get("/v1/models"), 401, null);
            ServerOpenAiTest.assertError(fixture.get("/metrics"), 401, null);
            HttpResponse<Buffer> wrong = ServerFixture.await(fixture.client.get(fixture.port(), "127.0.0.1", "/v1/models")
                    .bearerTokenAuthentication("guess").send());
            ServerOpenAiTest.assertError(wrong, 401, null);
            HttpResponse<Buffer> right = ServerFixture.await(fixture.client.post(fixture.port(), "127.0.0.1",
                    "/v1/chat/completions").bearerTokenAuthentication("s3cret").sendBuffer(Buffer.buffer(ASK)));
            assertEquals("ok", content(right));
        }
    }

    @Test
    void anyOtherAddressThanLoopbackNeedsAKey() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ServerOptions("0.0.0.0", 8080, null, 4, 1024));
        assertTrue(refused.getMessage().contains("--api-key"), refused.getMessage());
        new ServerOptions("0.0.0.0", 8080, "key", 4, 1024);
        new ServerOptions("localhost", 8080, null, 4, 1024);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path script = ServerFixture.scriptFile(dir, "s.jsonl", "hi");
        int exit = GannetCli.run(new String[] {"serve", "--host", "0.0.0.0", "--model", "script:" + script},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, exit);
        assertTrue(err.toString().startsWith("gannet: refusing to serve on 0.0.0.0 without an API key"), err.toString());
    }

    @Test
    void metricsAreValidPrometheusTextWithTheCounts(Vertx vertx) throws Exception {
        ScriptedBackend model = ServerFixture.scripted(Duration.ZERO, "one two three", "four five");
        try (ServerFixture fixture = ServerFixture.start(vertx, model)) {
            fixture.post("/v1/chat/completions", ASK);
            fixture.post("/v1/chat/completions", ASK);
            fixture.post("/v1/chat/completions", "{oops");
            fixture.server.metrics().toolCallEnded("grep", ToolOutcome.OK);
            fixture.server.metrics().toolCallEnded("read_file", ToolOutcome.REFUSED);
            HttpResponse<Buffer> scrape = fixture.get("/metrics");
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.getHeader("Content-Type").startsWith("text/plain; version=0.0.4"));

            JsonNode families = ServerFixture.JSON.readTree(NodeScripts.run("parse-metrics.mjs", Map.of(),
                    scrape.bodyAsString()));
            Map<String, JsonNode> byName = new HashMap<>();
            families.forEach(family -> byName.put(family.get("name").asText(), family));
            assertEquals("2", value(byName.get("gannet_http_requests_total"),
                    Map.of("endpoint", "/v1/chat/completions", "status", "200")));
            assertEquals("1", value(byName.get("gannet_http_requests_total"),
                    Map.of("endpoint", "/v1/chat/completions", "status", "400")));
            assertEquals("5", value(byName.get("gannet_completion_tokens_total"), Map.of()));
            assertEquals("2", value(byName.get("gannet_completions_total"), Map.of("outcome", "stop")));
            assertEquals("GAUGE", byName.get("gannet_inference_queue_depth").get("type").asText());
            assertEquals("0", value(byName.get("gannet_inference_queue_depth"), Map.of()));
            assertEquals("COUNTER", byName.get("gannet_tool_calls_total").get("type").asText());
            assertEquals("1", value(byName.get("gannet_tool_calls_total"), Map.of("tool", "grep", "outcome", "ok")));
            assertEquals("1", value(byName.get("gannet_tool_calls_total"),
                    Map.of("tool", "read_file", "outcome", "refused")));
            assertTrue(byName.containsKey("gannet_generation_tokens_per_second"));
        }
    }

    /** The value of the family's sample with exactly these labels. */
    private static String value(JsonNode family, Map<String, String> labels) {
        for (JsonNode metric : family.get("metrics")) {
            Map<String, String> found = new HashMap<>();
            metric.path("labels").properties().forEach(e -> found.put(e.getKey(), e.getValue().asText()));
            if (found.equals(labels)) {
                return metric.get("value").asText();
            }
        }
        throw new AssertionError("no sample labelled " + labels + " in " + family);
    }

    private static String content(HttpResponse<Buffer> response) {
        assertEquals(200, response.statusCode(), response.bodyAsString());
        return json(response).get("choices").get(0).get("message").get("content").asText();
    }

    private static ModelBackend openScript(String reference) {
        return ScriptedBackend.fromFile(Path.of(reference.substring(ScriptedBackend.SCHEME.length())), Duration.ZERO);
    }
}
