package dev.gannet.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client on {@code /v1/agent} that queues the server's events for the test to take in order. */
final class AgentSocketClient implements AutoCloseable {
    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    AgentSocketClient(Vertx vertx, int port) {
        this.client = vertx.createWebSocketClient();
        this.socket = ServerFixture.await(client.connect(port, "127.0.0.1", HttpVerticle.AGENT));
        socket.textMessageHandler(text -> {
            try {
                events.add(ServerFixture.JSON.readTree(text));
            } catch (Exception e) {
                events.add(ServerFixture.JSON.createObjectNode().put("type", "not-json").put("text", text));
            }
        });
    }

    void send(String json) {
        ServerFixture.await(socket.writeTextMessage(json));
    }

    void sendBinary(byte[] bytes) {
        ServerFixture.await(socket.writeBinaryMessage(Buffer.buffer(bytes)));
    }

    JsonNode next() {
        try {
            JsonNode event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event from the server in 10 s");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event, which must be of this type. */
    JsonNode next(String type) {
        JsonNode event = next();
        if (!type.equals(event.get("type").asText())) {
            throw new AssertionError("expected a " + type + " event, got " + event);
        }
        return event;
    }

    /** Events up to and including the next {@code done}. */
    List<JsonNode> untilDone() {
        List<JsonNode> turn = new ArrayList<>();
        JsonNode event;
        do {
            event = next();
            turn.add(event);
        } while (!"done".equals(event.get("type").asText()));
        return turn;
    }

    void closeSocket() {
        ServerFixture.await(socket.close());
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            ServerFixture.await(socket.close());
        }
        ServerFixture.await(client.close());
    }
}
