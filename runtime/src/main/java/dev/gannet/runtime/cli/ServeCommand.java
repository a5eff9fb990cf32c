package dev.gannet.runtime.cli;

import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.server.GannetServer;
import dev.gannet.runtime.server.ServerOptions;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gannet serve}: the OpenAI-compatible API and the agent WebSocket on one port until the
 * process is stopped. Loopback by default; any other address needs an API key.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the OpenAI-compatible API (/v1/chat/completions) and the agent WebSocket (/v1/agent).")
final class ServeCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = ServerOptions.DEFAULT_HOST,
            description = "address to bind (default: ${DEFAULT-VALUE}); anything but loopback needs --api-key")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE}; 0: any free one)")
    int port;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "require 'Authorization: Bearer KEY' on every endpoint but /health")
    String apiKey;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "REF",
            description = "the model to serve, e.g. script:FILE.jsonl")
    String model;

    @Option(names = "--queue", defaultValue = "16", paramLabel = "N",
            description = "requests that may wait for the model before others get 429 (default: ${DEFAULT-VALUE})")
    int queue;

    @Override
    public void run() {
        ServerOptions options = new ServerOptions(host, port, apiKey, queue, ServerOptions.DEFAULT_MAX_BODY);
        ModelBackend backend = ModelReferences.open(model);
        Vertx vertx = Vertx.vertx();
        GannetServer server;
        try {
            server = GannetServer.start(vertx, options, backend, ModelReferences::open, null, null)
                    .toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            vertx.close();
            throw new IllegalArgumentException("cannot serve on " + host + ":" + port + ": "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vertx.close();
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("gannet: serving %s on http://%s:%d (OpenAI API under /v1, agent WebSocket at /v1/agent)%n",
                backend.id(), host, server.port());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C or SIGTERM: stop listening, close the model, then let the JVM go.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop().eventually(vertx::close).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Exiting anyway: nothing is left to save, the sessions are written step by step.
            } finally {
                stopped.countDown();
            }
        }, "gannet-serve-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
