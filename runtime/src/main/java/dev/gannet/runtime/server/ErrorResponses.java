package dev.gannet.runtime.server;

import dev.gannet.runtime.backend.BackendException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns every failure into one OpenAI-style error response: the client's mistakes and the model's
 * failures with their own message, anything unexpected as "internal error" (logged here, never shown).
 */
final class ErrorResponses {
    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    /** What the client is told about a failure. */
    static ApiError describe(Throwable failure) {
        return switch (failure) {
            case ApiError api -> api;
            case QueueFullException full -> ApiError.busy(full);
            case BackendException backend -> ApiError.server(backend.getMessage());
            default -> {
                LOG.log(System.Logger.Level.ERROR, "unexpected failure answering a request", failure);
                yield ApiError.server("internal error");
            }
        };
    }

    static void send(HttpServerResponse response, ApiError error) {
        if (response.headWritten() || response.closed()) {
            return;
        }
        response.setStatusCode(error.status()).putHeader("Content-Type", "application/json");
        if (error.retryAfterSeconds() > 0) {
            response.putHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        response.end(error.toJson().toString());
    }

    /** The router's failure handler: a thrown or failed handler, or a status such as 404. */
    static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        ApiError error = failure != null ? describe(failure) : forStatus(ctx.statusCode());
        send(ctx.response(), error);
    }

    static ApiError forStatus(int status) {
        return switch (status) {
            case 401 -> new ApiError(401, "invalid_request_error", "Missing or incorrect API key: send "
                    + "'Authorization: Bearer <key>'.", null, "invalid_api_key");
            case 404 -> ApiError.notFound("No such endpoint.");
            case 405 -> new ApiError(405, "invalid_request_error", "Method not allowed on this endpoint.", null,
                    null);
            case 413 -> ApiError.invalid(null, "The request body is too large.");
            case 400 -> ApiError.invalid(null, "Bad request.");
            default -> ApiError.server("internal error");
        };
    }
}
