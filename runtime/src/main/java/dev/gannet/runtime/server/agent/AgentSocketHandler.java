package dev.gannet.runtime.server.agent;

import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.server.AgentSocketFactory;
import dev.gannet.runtime.server.ApiError;
import dev.gannet.runtime.server.InferenceService;
import dev.gannet.runtime.server.ServerMetrics;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /v1/agent}: upgrades to a WebSocket and serves the agent protocol on it. Turns run on the
 * named {@code gannet-agent} worker pool (they wait on the model and on tools); the model itself runs
 * on the inference service's thread, queued with the HTTP API's requests.
 */
public final class AgentSocketHandler implements Handler<RoutingContext> {
    /** Turns that may run at once; beyond it they wait for a worker. */
    private static final int WORKERS = 64;

    private final AgentSetup setup;
    private final ModelBackend backend;
    private final ServerMetrics metrics;
    private WorkerExecutor workers;

    private AgentSocketHandler(AgentSetup setup, ModelBackend backend, ServerMetrics metrics) {
        this.setup = setup;
        this.backend = backend;
        this.metrics = metrics;
    }

    /** The factory {@link dev.gannet.runtime.server.GannetServer#start} takes. */
    public static AgentSocketFactory factory(AgentSetup setup) {
        return (InferenceService inference, ServerMetrics metrics) ->
                new AgentSocketHandler(setup, inference.asBackend(), metrics);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!ctx.request().canUpgradeToWebSocket()) {
            ctx.fail(new ApiError(400, "invalid_request_error",
                    "/v1/agent speaks WebSocket: connect with a WebSocket client (see docs/protocol.md).", null, null));
            return;
        }
        if (workers == null) {
            // Past the turn's own time limit a turn is stuck: let Vert.x's checker say so in the log.
            long limit = setup.limits().wallClock().toSeconds() + 60;
            workers = ctx.vertx().createSharedWorkerExecutor("gannet-agent", WORKERS, limit, TimeUnit.SECONDS);
        }
        ctx.request().toWebSocket().onSuccess(socket ->
                new AgentConnection(socket, ctx.vertx().getOrCreateContext(), setup, backend, metrics, workers).start())
                .onFailure(ctx::fail);
    }
}
