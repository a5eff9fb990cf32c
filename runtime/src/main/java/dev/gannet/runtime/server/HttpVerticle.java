package dev.gannet.runtime.server;

import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The HTTP server: the OpenAI-compatible API, the agent WebSocket, models, sessions, health and
 * metrics on one port. Handlers only parse and write; the model runs on the inference thread, the
 * model loader and the session store on named worker pools.
 */
public final class HttpVerticle extends VerticleBase {
    static final String HEALTH = "/health";
    static final String METRICS = "/metrics";
    static final String AGENT = "/v1/agent";
    private static final Set<String> ENDPOINTS = Set.of(HEALTH, METRICS, AGENT, ChatCompletionsHandler.PATH,
            ModelRoutes.LIST, ModelRoutes.LOAD);

    private final ServerOptions options;
    private final InferenceService inference;
    private final Function<String, ModelBackend> opener;
    private final SessionStore sessions;
    private final Handler<RoutingContext> agentSocket;
    private final ServerMetrics metrics;
    private WorkerExecutor loader;
    private WorkerExecutor storeWorkers;
    private HttpServer server;

    /**
     * @param opener      turns a model reference ({@code POST /v1/models/load}) into a backend
     * @param sessions    where {@code GET /v1/sessions/:id} reads; null when sessions are not stored
     * @param agentSocket upgrades {@code /v1/agent} to the agent protocol; null when no agent is served
     */
    public HttpVerticle(ServerOptions options, InferenceService inference, Function<String, ModelBackend> opener,
                        SessionStore sessions, Handler<RoutingContext> agentSocket, ServerMetrics metrics) {
        this.options = options;
        this.inference = inference;
        this.opener = opener;
        this.sessions = sessions;
        this.agentSocket = agentSocket;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        // Opening a model maps gigabytes and may check them: one at a time, and never on the event loop.
        loader = vertx.createSharedWorkerExecutor("gannet-model-loader", 1, 10, TimeUnit.MINUTES);
        storeWorkers = vertx.createSharedWorkerExecutor("gannet-session-store", 2, 30, TimeUnit.SECONDS);
        HttpServerOptions serverOptions = new HttpServerOptions().setHost(options.host()).setPort(options.port());
        return vertx.createHttpServer(serverOptions).requestHandler(router()).listen()
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        return Future.all(loader.close(), storeWorkers.close());
    }

    /** The port the server listens on (the one chosen when the options asked for port 0). */
    public int actualPort() {
        return server.actualPort();
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.route().handler(this::countRequest);
        if (options.apiKey() != null) {
            router.route().handler(new ApiKeyCheck(options.apiKey()));
        }
        router.get(HEALTH).handler(this::health);
        router.get(METRICS).handler(ctx -> ctx.response().putHeader("Content-Type", PrometheusText.CONTENT_TYPE)
                .end(metrics.prometheusText()));
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(options.maxBodyBytes());
        router.post(ChatCompletionsHandler.PATH).handler(bodies).handler(new ChatCompletionsHandler(inference));
        ModelRoutes models = new ModelRoutes(inference, opener, loader);
        router.get(ModelRoutes.LIST).handler(models::list);
        router.post(ModelRoutes.LOAD).handler(bodies).handler(models::load);
        if (sessions != null) {
            router.get(SessionRoute.PATH).handler(new SessionRoute(sessions, storeWorkers)::get);
        } else {
            router.get(SessionRoute.PATH).handler(ctx -> ctx.fail(ApiError.notFound(
                    "This server does not store sessions.")));
        }
        if (agentSocket != null) {
            router.get(AGENT).handler(agentSocket);
        }
        router.route().failureHandler(ErrorResponses::handle);
        for (int status : new int[] {400, 401, 404, 405, 413, 500}) {
            router.errorHandler(status, ErrorResponses::handle);
        }
        return router;
    }

    private void health(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json")
                .end("{\"status\":\"ok\",\"model\":" + ChatCompletionJson.JSON.valueToTree(inference.modelId())
                        + ",\"queue_depth\":" + inference.queueDepth() + "}");
    }

    private void countRequest(RoutingContext ctx) {
        ctx.addEndHandler(done -> metrics.httpRequest(endpoint(ctx.normalizedPath()), ctx.response().getStatusCode()));
        ctx.next();
    }

    /** The route a path belongs to: a fixed set of labels, so that ids in paths do not multiply series. */
    private static String endpoint(String path) {
        if (ENDPOINTS.contains(path)) {
            return path;
        }
        return path.startsWith("/v1/sessions/") ? SessionRoute.PATH : "other";
    }
}
