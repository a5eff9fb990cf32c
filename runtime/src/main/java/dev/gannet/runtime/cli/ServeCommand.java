package dev.gannet.runtime.cli;

import dev.gannet.runtime.agent.AgentLimits;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.models.BackendOpener;
import dev.gannet.runtime.config.GannetConfig;
import dev.gannet.runtime.server.GannetServer;
import dev.gannet.runtime.server.ServerOptions;
import dev.gannet.runtime.server.agent.AgentSetup;
import dev.gannet.runtime.server.agent.AgentSocketHandler;
import dev.gannet.runtime.session.SqliteSessionStore;
import dev.gannet.tools.ToolContext;
import dev.gannet.tools.ToolRegistry;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gannet serve}: the OpenAI-compatible API and the agent WebSocket on one port until the
 * process is stopped. Flags override the configuration (file, then GANNET_* variables). Loopback by
 * default; any other address needs an API key.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the OpenAI-compatible API (/v1/chat/completions) and the agent WebSocket (/v1/agent).")
final class ServeCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "address to bind (default: the config's host, 127.0.0.1); anything but loopback needs --api-key")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "port (default: the config's port, 8080; 0: any free one)")
    Integer port;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "require 'Authorization: Bearer KEY' on every endpoint but /health")
    String apiKey;

    @Option(names = {"-m", "--model"}, paramLabel = "REF",
            description = "the model to serve, a reference or an alias (default: the config's model)")
    String model;

    @Option(names = "--queue", paramLabel = "N",
            description = "requests that may wait for the model before others get 429 (default: the config's queue_size, 16)")
    Integer queue;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "the agent's default workspace (default: the current directory); a run may name another")
    Path workspace;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public void run() {
        GannetConfig config = configOptions.load();
        ServerOptions options = new ServerOptions(host != null ? host : config.host(),
                port != null ? port : config.port(), apiKey != null ? apiKey : config.apiKey(),
                queue != null ? queue : config.queueSize(), ServerOptions.DEFAULT_MAX_BODY);
        PrintWriter err = spec.commandLine().getErr();
        BackendOpener models = BackendOpener.forConfig(config, new ConsoleProgress(err));
        Function<String, ModelBackend> opener = reference -> models.open(config.resolveModel(reference));
        ModelBackend backend = model != null ? opener.apply(model) : models.openDefault(warning -> {
            err.println("gannet: " + warning);
            err.flush();
        });
        SqliteSessionStore sessions = SqliteSessionStore.inDataDir(config.dataDir());
        AgentSetup agent = new AgentSetup(ToolRegistry.builtins(),
                ToolContext.readOnly(workspace != null ? workspace : Path.of("").toAbsolutePath()).withMode(config.mode()),
                AgentLimits.DEFAULT.withMaxSteps(config.maxSteps()),
                AgentOptions.generation(config),
                sessions);
        Vertx vertx = Vertx.vertx();
        GannetServer server;
        try {
            server = GannetServer.start(vertx, options, backend, opener, sessions, AgentSocketHandler.factory(agent))
                    .toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            vertx.close();
            sessions.close();
            throw new IllegalArgumentException("cannot serve on " + options.host() + ":" + options.port() + ": "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vertx.close();
            sessions.close();
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("gannet: serving %s on http://%s:%d (OpenAI API under /v1, agent WebSocket at /v1/agent)%n",
                backend.id(), options.host(), server.port());
        out.flush();
        awaitShutdown(server, vertx, sessions);
    }

    /** Blocks until Ctrl-C or SIGTERM, then stops listening, closes the model and the store. */
    private static void awaitShutdown(GannetServer server, Vertx vertx, SqliteSessionStore sessions) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop().eventually(vertx::close).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Exiting anyway: nothing is left to save, the sessions are written step by step.
            } finally {
                sessions.close();
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
