package dev.gannet.runtime.server;

import dev.gannet.runtime.session.SessionJson;
import dev.gannet.runtime.session.SessionStore;
import dev.gannet.runtime.session.StoredSession;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /v1/sessions/:id}: one stored session, as {@code gannet sessions show ID --json} prints it.
 * The store is a database, so it is read on a worker, never on the event loop.
 */
final class SessionRoute {
    static final String PATH = "/v1/sessions/:id";

    private final SessionStore store;
    private final WorkerExecutor workers;

    SessionRoute(SessionStore store, WorkerExecutor workers) {
        this.store = store;
        this.workers = workers;
    }

    void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        workers.executeBlocking(() -> {
            Optional<StoredSession> found = store.load(id);
            return found.isEmpty() ? null : SessionJson.session(found.get());
        }, false).onComplete(json -> {
            if (json == null) {
                ctx.fail(ApiError.notFound("No session with id '" + id + "'."));
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(json);
        }, ctx::fail);
    }
}
