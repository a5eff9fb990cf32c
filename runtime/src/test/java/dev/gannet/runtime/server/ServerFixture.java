package dev.gannet.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.backend.ScriptedBackend;
import dev.gannet.runtime.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A real server on 127.0.0.1 and an ephemeral port, and a client for it; blocking helpers keep tests readable. */
final class ServerFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String WEATHER_CALL =
            "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}</tool_call>";

    final Vertx vertx;
    final GannetServer server;
    final WebClient client;

    private ServerFixture(Vertx vertx, GannetServer server) {
        this.vertx = vertx;
        this.server = server;
        this.client = WebClient.create(vertx);
    }

    static ServerFixture start(Vertx vertx, ServerOptions options, ModelBackend model,
                               Function<String, ModelBackend> opener, AgentSocketFactory agent) {
        return start(vertx, options, model, opener, null, agent);
    }

    static ServerFixture start(Vertx vertx, ServerOptions options, ModelBackend model,
                               Function<String, ModelBackend> opener, SessionStore sessions,
                               AgentSocketFactory agent) {
        return new ServerFixture(vertx, await(GannetServer.start(vertx, options, model, opener, sessions, agent)));
    }

    static ServerFixture start(Vertx vertx, ModelBackend model) {
        return start(vertx, ServerOptions.loopback(0), model, reference -> {
            throw new IllegalArgumentException("no models to load in this test");
        }, null);
    }

    static ScriptedBackend scripted(Duration pause, String... completions) {
        return new ScriptedBackend("scripted", List.of(completions), pause);
    }

    /** A script file: each completion as one JSON string line. */
    static Path scriptFile(Path dir, String name, String... completions) {
        List<String> lines = new ArrayList<>();
        for (String completion : completions) {
            lines.add(JSON.valueToTree(completion).toString());
        }
        try {
            return Files.write(dir.resolve(name), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.port();
    }

    HttpResponse<Buffer> post(String path, String body) {
        return await(client.post(port(), "127.0.0.1", path).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body)));
    }

    HttpResponse<Buffer> get(String path) {
        return await(client.get(port(), "127.0.0.1", path).send());
    }

    static JsonNode json(HttpResponse<Buffer> response) {
        try {
            return JSON.readTree(response.bodyAsString());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.bodyAsString(), e);
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        client.close();
        await(server.stop());
    }
}
