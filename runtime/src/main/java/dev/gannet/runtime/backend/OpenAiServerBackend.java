package dev.gannet.runtime.backend;

import dev.gannet.prompts.template.ToolDeclaration;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Any OpenAI-compatible server (llama.cpp's {@code llama-server}, Ollama, vLLM, OpenAI itself) behind
 * {@link ModelBackend}: each turn is one streamed {@code POST /v1/chat/completions}. The server renders
 * the conversation with its own template and parses the model's tool calls itself; this backend passes
 * content on as it arrives and checks the calls against the declared tools when the stream ends.
 *
 * <p>The HTTP work runs on Vert.x's event loop; {@link #complete} blocks its caller on a queue the
 * response feeds, so that the listener is called on the caller's thread. Each turn has its own
 * {@link WebClient}: cancelling a turn closes it, and with it the connection, so the server stops
 * generating too.
 */
public final class OpenAiServerBackend implements ModelBackend {
    /** How much of an error body is kept for the message. */
    private static final int ERROR_BODY_LIMIT = 4096;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final OpenAiServerOptions options;

    /** A backend on a Vert.x instance the caller owns (and closes). */
    public OpenAiServerBackend(Vertx vertx, OpenAiServerOptions options) {
        this(vertx, false, options);
    }

    private OpenAiServerBackend(Vertx vertx, boolean ownsVertx, OpenAiServerOptions options) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.options = options;
    }

    /** A backend with a Vert.x instance of its own, closed with it. */
    public static OpenAiServerBackend create(OpenAiServerOptions options) {
        return new OpenAiServerBackend(Vertx.vertx(), true, options);
    }

    @Override
    public String id() {
        return options.model();
    }

    /** What the response sends to the waiting caller. */
    private sealed interface Signal {
        record Event(String data) implements Signal {
        }

        record Ended(int status, String body) implements Signal {
        }

        record Failed(Throwable cause) implements Signal {
        }

        record Cancelled() implements Signal {
        }
    }

    @Override
    public Completion complete(CompletionRequest request, CompletionListener listener) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("complete() blocks; call it from a worker thread, not an event loop");
        }
        List<ToolDeclaration> tools = request.toolChoice() instanceof ToolChoice.None ? List.of() : request.tools();
        OpenAiStreamReader reader = new OpenAiStreamReader(options.baseUrl(), tools, listener);
        BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
        WebClient client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) options.connectTimeout().toMillis()));
        long start = System.nanoTime();
        try {
            send(client, request, signals);
            request.cancellation().onCancel(() -> {
                signals.add(new Signal.Cancelled());
                client.close();
            });
            long firstEvent = 0;
            while (true) {
                Signal signal = take(signals, request.cancellation());
                switch (signal) {
                    case Signal.Event event -> {
                        if (firstEvent == 0) {
                            firstEvent = System.nanoTime();
                        }
                        reader.accept(event.data());
                    }
                    case Signal.Cancelled cancelled -> {
                        return reader.finish(true, nanosSince(start, firstEvent), nanosAfter(firstEvent));
                    }
                    case Signal.Failed failed -> throw unreachable(failed.cause());
                    case Signal.Ended ended -> {
                        checkStatus(ended, reader);
                        return reader.finish(false, nanosSince(start, firstEvent), nanosAfter(firstEvent));
                    }
                }
            }
        } finally {
            client.close();
        }
    }

    private void send(WebClient client, CompletionRequest request, BlockingQueue<Signal> signals) {
        StringBuilder bodyStart = new StringBuilder();
        ServerSentEvents events = new ServerSentEvents(data -> signals.add(new Signal.Event(data)));
        WriteStream<Buffer> sink = new CallbackWriteStream(buffer -> {
            byte[] bytes = buffer.getBytes();
            if (bodyStart.length() < ERROR_BODY_LIMIT) {
                bodyStart.append(new String(bytes, StandardCharsets.UTF_8));
            }
            events.accept(bytes);
        });
        HttpRequest<Void> post = client.postAbs(options.chatCompletionsUrl())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "text/event-stream")
                .idleTimeout(options.idleTimeout().toMillis())
                .as(BodyCodec.pipe(sink));
        if (options.apiKey() != null && !options.apiKey().isBlank()) {
            post.bearerTokenAuthentication(options.apiKey());
        }
        Buffer body = Buffer.buffer(OpenAiRequestBody.of(options.model(), request).toString());
        post.sendBuffer(body).onComplete(result -> {
            if (result.succeeded()) {
                HttpResponse<Void> response = result.result();
                events.finish();
                signals.add(new Signal.Ended(response.statusCode(), bodyStart.toString()));
            } else {
                signals.add(new Signal.Failed(result.cause()));
            }
        });
    }

    private static Signal take(BlockingQueue<Signal> signals, Cancellation cancellation) {
        try {
            return signals.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
            return new Signal.Cancelled();
        }
    }

    private void checkStatus(Signal.Ended ended, OpenAiStreamReader reader) {
        if (ended.status() / 100 != 2) {
            throw new BackendException("the model server at " + options.baseUrl() + " answered HTTP " + ended.status()
                    + ": " + errorText(ended.body()));
        }
        if (!reader.sawChunks()) {
            throw new BackendException("the model server at " + options.baseUrl()
                    + " did not answer with an event stream: " + OpenAiStreamReader.abbreviate(ended.body()));
        }
    }

    /** The message of a JSON error body, or the body itself. */
    private static String errorText(String body) {
        try {
            return OpenAiStreamReader.errorMessage(new com.fasterxml.jackson.databind.ObjectMapper().readTree(body));
        } catch (Exception notJson) {
            return body.isBlank() ? "(no message)" : OpenAiStreamReader.abbreviate(body);
        }
    }

    private BackendException unreachable(Throwable cause) {
        String why = cause instanceof ConnectException || (cause.getCause() instanceof ConnectException)
                ? "connection refused or timed out" : cause.getMessage();
        return new BackendException("cannot reach the model server at " + options.baseUrl() + ": " + why, cause);
    }

    private static long nanosSince(long start, long firstEvent) {
        return (firstEvent == 0 ? System.nanoTime() : firstEvent) - start;
    }

    private static long nanosAfter(long firstEvent) {
        return firstEvent == 0 ? 0 : System.nanoTime() - firstEvent;
    }

    @Override
    public void close() {
        if (ownsVertx) {
            vertx.close();
        }
    }

    /** A write stream that hands each buffer to a callback at once (the response is small and read as it comes). */
    private static final class CallbackWriteStream implements WriteStream<Buffer> {
        private final Handler<Buffer> callback;

        CallbackWriteStream(Handler<Buffer> callback) {
            this.callback = callback;
        }

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public Future<Void> write(Buffer data) {
            callback.handle(data);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> end() {
            return Future.succeededFuture();
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }
}
