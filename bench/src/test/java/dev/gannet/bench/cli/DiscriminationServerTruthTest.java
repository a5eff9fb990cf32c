package dev.gannet.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.runtime.backend.ScriptedBackend;
import dev.gannet.runtime.server.GannetServer;
import dev.gannet.runtime.server.ServerOptions;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gannet bench discrimination --server URL} against Gannet's own server, which answers from
 * a script: every answer is known, so every metric of the report can be worked out by hand (the
 * comments do it) and compared — the path a user takes to measure llama.cpp's server or Ollama.
 */
class DiscriminationServerTruthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The scripted model waits this long before each token, so a request cannot take less than its pauses. */
    private static final Duration PAUSE = Duration.ofMillis(15);

    private static final String CASES = """
            {"id": "a", "category": "concept", "prompt": "What is a closure?", "expected": "direct", "tools": []}
            {"id": "b", "category": "lookup", "prompt": "Weather in Oslo?", "expected": "tool", "expected_tool": "weather.now", "tools": [WEATHER], "possible_answer": [{"weather.now": {"city": ["Oslo"]}}]}
            {"id": "c", "category": "lookup", "prompt": "Weather in Bergen?", "expected": "tool", "expected_tool": "weather.now", "tools": [WEATHER]}
            {"id": "d", "category": "concept", "prompt": "Is Oslo the capital of Norway?", "expected": "direct", "tools": [WEATHER]}
            """.replace("WEATHER", """
            {"name": "weather.now", "description": "Current weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}""".strip());

    /** One answer per case, in order, with its length in the scripted model's tokens (words). */
    private static final List<String> ANSWERS = List.of(
            // a (direct): answers directly. Right. 9 tokens.
            "A closure keeps the scope it was made in.",
            // b (tool): calls weather.now (renamed weather_now for the API) with the right city. Right. 5 tokens.
            "<tool_call>{\"name\": \"weather_now\", \"arguments\": {\"city\": \"Oslo\"}}</tool_call>",
            // c (tool): answers from memory. Wrong. 5 tokens.
            "I think it is sunny.",
            // d (direct): calls the tool anyway. Wrong. 5 tokens.
            "<tool_call>{\"name\": \"weather_now\", \"arguments\": {\"city\": \"Oslo\"}}</tool_call>");

    @TempDir
    Path temp;
    private Vertx vertx;
    private GannetServer server;

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        ScriptedBackend model = new ScriptedBackend("scripted", ANSWERS, PAUSE);
        server = GannetServer.start(vertx, ServerOptions.loopback(0), model, reference -> {
            throw new IllegalArgumentException("this test loads no other model");
        }, null, null).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void reportMatchesTheScriptedAnswers() throws Exception {
        Path cases = Files.writeString(temp.resolve("weather.jsonl"), CASES);
        Path out = temp.resolve("out");
        String url = "http://127.0.0.1:" + server.port() + "/v1#scripted";
        BenchCliTest.Result run = BenchCliTest.run("bench", "discrimination", "--suite", cases.toString(),
                "--server", url, "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());

        JsonNode row = JSON.readTree(out.resolve("report.json").toFile()).at("/configurations/0");
        assertEquals(url, row.get("model").asText());
        assertEquals(0, row.get("adapters").size());
        JsonNode metrics = row.get("metrics");
        assertTally(metrics.get("accuracy"), 2, 4);        // a and b right; c answered, d called
        assertTally(metrics.get("tool_precision"), 1, 2);  // calls on b and d; only b wanted one
        assertTally(metrics.get("tool_recall"), 1, 2);     // b and c wanted one; b called
        assertTally(metrics.get("right_tool"), 1, 1);      // b called weather.now, the expected tool
        assertTally(metrics.get("arguments"), 1, 1);       // b's city is Oslo, as the ground truth says
        assertTally(metrics.get("valid_calls"), 2, 2);
        assertEquals(0, metrics.get("errors").asInt());
        assertEquals(9 + 5 + 5 + 5, metrics.get("generated_tokens").asLong()); // the server's usage, summed

        // Through a server the client times what it sees: prompt time until the first streamed event,
        // generation time from there to the end. Their sum is each request's whole time, and the script
        // pauses before every token, so together they cannot be shorter than all the pauses.
        double promptSeconds = metrics.get("prompt_seconds").asDouble();
        double generationSeconds = metrics.get("generation_seconds").asDouble();
        assertTrue(promptSeconds + generationSeconds >= 24 * PAUSE.toMillis() / 1000.0,
                promptSeconds + " s + " + generationSeconds + " s is less than the script's pauses");
        assertEquals(24 / generationSeconds, metrics.get("decode_tok_s").asDouble(), 1e-6);
        assertEquals(metrics.get("prompt_tokens").asDouble() / promptSeconds, metrics.get("prefill_tok_s").asDouble(), 1e-6);
        assertTrue(metrics.get("prompt_tokens").asLong() > 0, "the server reports prompt tokens");

        JsonNode b = row.at("/cases/1");
        assertEquals("tool", b.get("decision").asText());
        assertEquals("weather.now", b.get("tool_original_name").asText());
        assertEquals(5, b.get("generated_tokens").asInt());
        assertEquals("direct", row.at("/cases/2/decision").asText());
        assertTrue(row.get("peak_rss_bytes").isNull(), "a server's memory is not this process's");
        assertTrue(row.get("disk_bytes").isNull());
        assertTrue(row.get("load_seconds").asDouble() >= 0);
        assertTrue(run.out().contains("| " + url + " · prompt=default, constrained=on |"), run.out());
    }

    private static void assertTally(JsonNode tally, int hits, int total) {
        assertEquals(hits, tally.get("hits").asInt(), tally.toString());
        assertEquals(total, tally.get("total").asInt(), tally.toString());
    }
}
