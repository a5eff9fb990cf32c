package dev.gannet.runtime.server;

import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * The composed server: one inference service around the model, the metrics, and the HTTP verticle
 * that serves them. {@code gannet serve} and the tests build it the same way.
 */
public final class GannetServer {
    private final Vertx vertx;
    private final InferenceService inference;
    private final ServerMetrics metrics;
    private final HttpVerticle verticle;
    private String deployment;

    private GannetServer(Vertx vertx, InferenceService inference, ServerMetrics metrics, HttpVerticle verticle) {
        this.vertx = vertx;
        this.inference = inference;
        this.metrics = metrics;
        this.verticle = verticle;
    }

    /**
     * Starts serving {@code model}.
     *
     * @param opener      resolves {@code POST /v1/models/load}'s references
     * @param sessions    the session store, or null
     * @param agentSocket the {@code /v1/agent} handler built on this server's inference service and
     *                    metrics, or null for a server without the agent
     */
    public static Future<GannetServer> start(Vertx vertx, ServerOptions options, ModelBackend model,
                                             Function<String, ModelBackend> opener, SessionStore sessions,
                                             AgentSocketFactory agentSocket) {
        ServerMetrics metrics = new ServerMetrics();
        InferenceService inference = new InferenceService(model, options.queueCapacity(), metrics);
        Handler<RoutingContext> agent = agentSocket == null ? null : agentSocket.create(inference, metrics);
        HttpVerticle verticle = new HttpVerticle(options, inference, opener, sessions, agent, metrics);
        GannetServer server = new GannetServer(vertx, inference, metrics, verticle);
        return vertx.deployVerticle(verticle).map(id -> {
            server.deployment = id;
            return server;
        }).onFailure(failure -> inference.close());
    }

    public InferenceService inference() {
        return inference;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public int port() {
        return verticle.actualPort();
    }

    /** Stops listening and closes the model. */
    public Future<Void> stop() {
        return vertx.undeploy(deployment).eventually(() -> {
            inference.close();
            return Future.succeededFuture();
        });
    }
}
