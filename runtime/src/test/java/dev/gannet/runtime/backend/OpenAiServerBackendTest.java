package dev.gannet.runtime.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gannet.kernels.engine.SamplingParameters;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolCall;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.prompts.toolcall.ToolCallError;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The remote backend against a small server on 127.0.0.1 that streams chat completions exactly as
 * OpenAI documents them: {@code data: {chunk}} events, tool calls whose arguments arrive in pieces,
 * a usage chunk, and {@code data: [DONE]}.
 */
@Timeout(20)
class OpenAiServerBackendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ToolDeclaration> TOOLS = List.of(
            new ToolDeclaration("read_file", "Reads a file.", Map.of("type", "object",
                    "properties", Map.of("path", Map.of("type", "string")), "required", List.of("path"))),
            new ToolDeclaration("grep", "Searches.", Map.of("type", "object",
                    "properties", Map.of("pattern", Map.of("type", "string")), "required", List.of("pattern"))));

    private static Vertx vertx;
    private static HttpServer server;
    /** What the server does with the next request; set by each test. */
    private static volatile Consumer<HttpServerRequest> respond;
    private static volatile JsonNode lastBody;
    private static volatile String lastAuthorization;
    private static volatile String lastPath;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            lastPath = request.path();
            lastAuthorization = request.getHeader("Authorization");
            try {
                lastBody = JSON.readTree(body.toString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                lastBody = null;
            }
            respond.accept(request);
        })).listen(0, "127.0.0.1").await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @BeforeEach
    void reset() {
        lastBody = null;
        lastAuthorization = null;
    }

    private static OpenAiServerBackend backend() {
        return new OpenAiServerBackend(vertx, OpenAiServerOptions.of("http://127.0.0.1:" + server.actualPort(), "qwen2.5"));
    }

    /** An SSE response that writes each event as its own chunk. */
    private static Consumer<HttpServerRequest> streaming(List<String> chunks) {
        return request -> {
            HttpServerResponse response = request.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream");
            for (String chunk : chunks) {
                response.write("data: " + chunk + "\n\n");
            }
            response.end("data: [DONE]\n\n");
        };
    }

    private static String contentChunk(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen2.5\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + JSON.valueToTree(content) + "},\"finish_reason\":null}]}";
    }

    private static String finishChunk(String reason) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen2.5\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}";
    }

    private static String toolCallChunk(String toolCallDelta) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen2.5\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + toolCallDelta + "]},\"finish_reason\":null}]}";
    }

    private static final String USAGE = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"qwen2.5\",\"choices\":[],\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":3,"
            + "\"total_tokens\":45,\"prompt_tokens_details\":{\"cached_tokens\":30}}}";

    /** Records what a listener is given, in order. */
    private static final class Recorder implements CompletionListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void text(String delta) {
            events.add("text:" + delta);
        }

        @Override
        public void toolCall(dev.gannet.prompts.toolcall.ToolCall call) {
            events.add("call:" + call.name());
        }

        @Override
        public void toolCallFailed(ToolCallError error) {
            events.add("failed:" + error.kind());
        }
    }

    @Test
    void contentDeltasStreamToTheListenerAndMakeTheAnswer() {
        respond = streaming(List.of(
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen2.5\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
                contentChunk("Paris"), contentChunk(" is the"), contentChunk(" capital."), finishChunk("stop"), USAGE));
        Recorder recorder = new Recorder();
        try (OpenAiServerBackend backend = backend()) {
            Completion turn = backend.complete(CompletionRequest.of(List.of(ChatMessage.user("Capital of France?")),
                    List.of(), GenerationSettings.greedy().withMaxTokens(64)), recorder);
            assertEquals("Paris is the capital.", turn.text());
            assertEquals(List.of("text:Paris", "text: is the", "text: capital."), recorder.events);
            assertEquals(Completion.FinishReason.STOP, turn.finish());
            assertEquals(new Completion.Usage(42, 30, 3, turn.usage().promptNanos(), turn.usage().generationNanos()),
                    turn.usage());
            assertEquals("qwen2.5", backend.id());
        }
        assertEquals("/v1/chat/completions", lastPath);
        assertEquals("qwen2.5", lastBody.get("model").asText());
        assertTrue(lastBody.get("stream").asBoolean());
        assertEquals(64, lastBody.get("max_tokens").asInt());
        assertEquals(0.0, lastBody.get("temperature").asDouble());
        assertEquals("[{\"role\":\"user\",\"content\":\"Capital of France?\"}]", lastBody.get("messages").toString());
        assertNull(lastBody.get("tools"), "no tools: none sent");
        assertNull(lastAuthorization);
    }

    @Test
    void toolCallDeltasAreGatheredPerIndexIntoCompleteCalls() {
        respond = streaming(List.of(
                toolCallChunk("{\"index\":0,\"id\":\"call_abc\",\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"\"}}"),
                toolCallChunk("{\"index\":0,\"function\":{\"arguments\":\"{\\\"pa\"}}"),
                toolCallChunk("{\"index\":0,\"function\":{\"arguments\":\"th\\\": \\\"src/Ma\"}}"),
                toolCallChunk("{\"index\":1,\"id\":\"call_def\",\"type\":\"function\",\"function\":{\"name\":\"grep\",\"arguments\":\"{\\\"pattern\\\"\"}}"),
                toolCallChunk("{\"index\":0,\"function\":{\"arguments\":\"in.java\\\"}\"}}"),
                toolCallChunk("{\"index\":1,\"function\":{\"arguments\":\": \\\"TODO\\\"}\"}}"),
                finishChunk("tool_calls")));
        Recorder recorder = new Recorder();
        try (OpenAiServerBackend backend = backend()) {
            Completion turn = backend.complete(CompletionRequest.of(List.of(ChatMessage.user("Look.")), TOOLS,
                    GenerationSettings.greedy()), recorder);
            assertEquals(Completion.FinishReason.TOOL_CALLS, turn.finish());
            assertEquals(2, turn.toolCalls().size());
            assertEquals("call_abc", turn.toolCalls().get(0).id());
            assertEquals("read_file", turn.toolCalls().get(0).name());
            assertEquals("{\"path\":\"src/Main.java\"}", turn.toolCalls().get(0).arguments().toString());
            assertEquals("call_def", turn.toolCalls().get(1).id());
            assertEquals("{\"pattern\":\"TODO\"}", turn.toolCalls().get(1).arguments().toString());
            assertEquals(List.of("call:read_file", "call:grep"), recorder.events);
            assertEquals("", turn.text());
        }
    }

    @Test
    void badCallsBecomeFailedCallsWithTheReason() {
        respond = streaming(List.of(
                toolCallChunk("{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\": \"}}"),
                toolCallChunk("{\"index\":1,\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"rm\",\"arguments\":\"{}\"}}"),
                toolCallChunk("{\"index\":2,\"id\":\"call_3\",\"type\":\"function\",\"function\":{\"name\":\"grep\",\"arguments\":\"{\\\"pattern\\\": 5}\"}}"),
                finishChunk("tool_calls")));
        Recorder recorder = new Recorder();
        try (OpenAiServerBackend backend = backend()) {
            Completion turn = backend.complete(CompletionRequest.of(List.of(ChatMessage.user("Look.")), TOOLS,
                    GenerationSettings.greedy()), recorder);
            assertEquals(List.of(), turn.toolCalls());
            assertEquals(List.of(ToolCallError.Kind.INVALID_JSON, ToolCallError.Kind.UNKNOWN_TOOL,
                    ToolCallError.Kind.INVALID_ARGUMENTS), turn.failedCalls().stream().map(ToolCallError::kind).toList());
            assertTrue(turn.failedCalls().get(0).message().contains("read_file"), turn.failedCalls().get(0).message());
            assertEquals(List.of("failed:INVALID_JSON", "failed:UNKNOWN_TOOL", "failed:INVALID_ARGUMENTS"), recorder.events);
        }
    }

    @Test
    void toolsToolChoiceHistoryAndSamplingAreSentInOpenAiForm() {
        respond = streaming(List.of(contentChunk("ok"), finishChunk("stop")));
        List<ChatMessage> history = List.of(
                ChatMessage.system("Be brief."),
                ChatMessage.user("Read it."),
                ChatMessage.assistant(null, List.of(new ToolCall("call_9", "read_file", Map.of("path", "a.txt")))),
                ChatMessage.tool("call_9", "hello"));
        GenerationSettings settings = new GenerationSettings(SamplingParameters.defaults(7).withTemperature(0.5f), 99,
                List.of("\n\n"), true);
        OpenAiServerOptions options = OpenAiServerOptions.of("http://127.0.0.1:" + server.actualPort() + "/v1/", "m")
                .withApiKey("sk-test");
        try (OpenAiServerBackend backend = new OpenAiServerBackend(vertx, options)) {
            backend.complete(new CompletionRequest(history, TOOLS, ToolChoice.named("grep"), settings, "k", new Cancellation()),
                    CompletionListener.IGNORE);
        }
        assertEquals("/v1/chat/completions", lastPath, "a base URL ending in /v1/ is not doubled");
        assertEquals("Bearer sk-test", lastAuthorization);
        JsonNode messages = lastBody.get("messages");
        assertEquals("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_9\",\"type\":\"function\","
                + "\"function\":{\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\":\\\"a.txt\\\"}\"}}]}", messages.get(2).toString());
        assertEquals("{\"role\":\"tool\",\"content\":\"hello\",\"tool_call_id\":\"call_9\"}", messages.get(3).toString());
        assertEquals("{\"type\":\"function\",\"function\":{\"name\":\"grep\"}}", lastBody.get("tool_choice").toString());
        JsonNode tool = lastBody.get("tools").get(0);
        assertEquals("function", tool.get("type").asText());
        assertEquals("read_file", tool.get("function").get("name").asText());
        assertEquals("string", tool.get("function").get("parameters").get("properties").get("path").get("type").asText());
        assertEquals(0.5, lastBody.get("temperature").asDouble(), 1e-6);
        assertEquals(0.95, lastBody.get("top_p").asDouble(), 1e-6);
        assertEquals(7, lastBody.get("seed").asLong());
        assertEquals(99, lastBody.get("max_tokens").asInt());
        assertEquals("[\"\\n\\n\"]", lastBody.get("stop").toString());
    }

    @Test
    void eventsSplitAnywhereEvenInsideACharacterAreReadWhole() {
        String body = "data: " + contentChunk("héllo ☃ ") + "\r\n\r\n: a comment\n\ndata: " + contentChunk("wörld")
                + "\n\ndata: " + finishChunk("length") + "\n\ndata: [DONE]\n\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        respond = request -> {
            HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            for (int i = 0; i < bytes.length; i += 5) {
                response.write(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 5))));
            }
            response.end();
        };
        try (OpenAiServerBackend backend = backend()) {
            Completion turn = backend.complete(CompletionRequest.of(List.of(ChatMessage.user("Hi")), List.of(),
                    GenerationSettings.greedy()), CompletionListener.IGNORE);
            assertEquals("héllo ☃ wörld", turn.text());
            assertEquals(Completion.FinishReason.LENGTH, turn.finish());
        }
    }

    @Test
    void anHttpErrorBodyBecomesAClearMessage() {
        respond = request -> request.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                .end("{\"error\":{\"message\":\"model 'qwen2.5' not found\",\"type\":\"invalid_request_error\"}}");
        try (OpenAiServerBackend backend = backend()) {
            BackendException e = assertThrows(BackendException.class, () -> backend.complete(CompletionRequest.of(
                    List.of(ChatMessage.user("Hi")), List.of(), GenerationSettings.greedy()), CompletionListener.IGNORE));
            assertTrue(e.getMessage().endsWith("answered HTTP 404: model 'qwen2.5' not found"), e.getMessage());
        }
    }

    @Test
    void anErrorEventMidStreamBecomesAClearMessage() {
        respond = streaming(List.of(contentChunk("par"), "{\"error\":{\"message\":\"the context is full\"}}"));
        try (OpenAiServerBackend backend = backend()) {
            BackendException e = assertThrows(BackendException.class, () -> backend.complete(CompletionRequest.of(
                    List.of(ChatMessage.user("Hi")), List.of(), GenerationSettings.greedy()), CompletionListener.IGNORE));
            assertTrue(e.getMessage().endsWith("failed: the context is full"), e.getMessage());
        }
    }

    @Test
    void aRefusedConnectionIsAClearMessage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OpenAiServerOptions options = OpenAiServerOptions.of("http://127.0.0.1:" + port, "m")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
        try (OpenAiServerBackend backend = new OpenAiServerBackend(vertx, options)) {
            BackendException e = assertThrows(BackendException.class, () -> backend.complete(CompletionRequest.of(
                    List.of(ChatMessage.user("Hi")), List.of(), GenerationSettings.greedy()), CompletionListener.IGNORE));
            assertEquals("cannot reach the model server at http://127.0.0.1:" + port + ": connection refused or timed out",
                    e.getMessage());
        }
    }

    @Test
    void cancellingClosesTheConnectionAndEndsTheTurnAtOnce() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        respond = request -> {
            request.connection().closeHandler(v -> closed.countDown());
            request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                    .write("data: " + contentChunk("thinking") + "\n\n"); // and then nothing, as a slow model
        };
        Cancellation cancellation = new Cancellation();
        try (OpenAiServerBackend backend = backend()) {
            Completion turn = backend.complete(CompletionRequest.of(List.of(ChatMessage.user("Hi")), List.of(),
                    GenerationSettings.greedy()).withCancellation(cancellation), new CompletionListener() {
                        @Override
                        public void text(String delta) {
                            cancellation.cancel();
                        }
                    });
            assertEquals(Completion.FinishReason.CANCELLED, turn.finish());
            assertEquals("thinking", turn.text());
        }
        assertTrue(closed.await(5, TimeUnit.SECONDS), "the server saw the connection close");
    }
}
