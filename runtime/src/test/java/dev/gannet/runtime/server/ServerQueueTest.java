package dev.gannet.runtime.server;

import static dev.gannet.runtime.server.ServerFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.runtime.backend.ScriptedBackend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The inference queue seen from outside: 429 when full, and a client that leaves cancels its completion. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ServerQueueTest {
    private static final String LONG_ANSWER = "word ".repeat(200).strip();
    private static final String ASK = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";

    @Test
    void aFullQueueIsRefusedWith429AndRetryAfter(Vertx vertx) {
        // 200 pieces at 5 ms: the first request holds the model for a second while the test fills the queue.
        ScriptedBackend slow = ServerFixture.scripted(Duration.ofMillis(5), LONG_ANSWER, LONG_ANSWER, "late");
        ServerOptions options = ServerOptions.loopback(0).withQueueCapacity(1);
        try (ServerFixture fixture = ServerFixture.start(vertx, options, slow, ref -> slow, null)) {
            Future<HttpResponse<Buffer>> running = send(fixture);
            waitUntil(() -> fixture.server.inference().queueDepth() == 0 && slow.used() == 1);
            Future<HttpResponse<Buffer>> queued = send(fixture);
            waitUntil(() -> fixture.server.inference().queueDepth() == 1);

            HttpResponse<Buffer> refused = fixture.post("/v1/chat/completions", ASK);
            ServerOpenAiTest.assertError(refused, 429, null);
            int retryAfter = Integer.parseInt(refused.getHeader("Retry-After"));
            assertTrue(retryAfter >= 1, "Retry-After: " + retryAfter);
            assertEquals("queue_full", json(refused).get("error").get("code").asText());

            assertEquals(200, ServerFixture.await(running).statusCode());
            assertEquals(200, ServerFixture.await(queued).statusCode());
            assertEquals(2, slow.used(), "the refused request never reached the model");
        }
    }

    @Test
    void aClientThatDisconnectsCancelsItsStream(Vertx vertx) {
        ScriptedBackend slow = ServerFixture.scripted(Duration.ofMillis(10), LONG_ANSWER, "next");
        try (ServerFixture fixture = ServerFixture.start(vertx, slow)) {
            HttpClient http = vertx.createHttpClient();
            RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                    .setPort(fixture.port()).setURI("/v1/chat/completions");
            String streaming = ASK.replace("{\"model\"", "{\"stream\":true,\"model\"");
            HttpClientResponse response = ServerFixture.await(http.request(post)
                    .compose(request -> request.send(streaming)));
            assertEquals(200, response.statusCode());
            Future<Void> firstChunk = Future.future(promise -> response.handler(chunk -> {
                response.pause();
                promise.tryComplete();
            }));
            ServerFixture.await(firstChunk);
            long closed = System.nanoTime();
            ServerFixture.await(http.close());

            // The completion ends as cancelled long before its 2 s of pacing, and the model is free again.
            waitUntil(() -> fixture.server.metrics().prometheusText()
                    .contains("gannet_completions_total{outcome=\"cancelled\"} 1"));
            long millis = (System.nanoTime() - closed) / 1_000_000;
            assertTrue(millis < 1000, "cancelled after " + millis + " ms");
            HttpResponse<Buffer> next = fixture.post("/v1/chat/completions", ASK);
            assertEquals("next", json(next).get("choices").get(0).get("message").get("content").asText());
        }
    }

    private static Future<HttpResponse<Buffer>> send(ServerFixture fixture) {
        return fixture.client.post(fixture.port(), "127.0.0.1", "/v1/chat/completions")
                .sendBuffer(Buffer.buffer(ASK));
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
