package dev.gannet.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error a client caused or must be told about, answered in OpenAI's shape:
 * {@code {"error": {"message", "type", "param", "code"}}} with an HTTP status. The message is for
 * the user; nothing internal (no class names, no stack traces) goes into it.
 */
public final class ApiError extends RuntimeException {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final int retryAfterSeconds;

    public ApiError(int status, String type, String message, String param, String code) {
        this(status, type, message, param, code, 0);
    }

    private ApiError(int status, String type, String message, String param, String code, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: the inference queue is full; the client should retry after the given time. */
    static ApiError busy(QueueFullException full) {
        return new ApiError(429, "rate_limit_error", full.getMessage(), null, "queue_full",
                full.retryAfterSeconds());
    }

    /** A 400 about one parameter of the request. */
    static ApiError invalid(String param, String message) {
        return new ApiError(400, "invalid_request_error", message, param, null);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "invalid_request_error", message, null, "not_found");
    }

    /** A failure on our side; the message is still one a user can act on. */
    static ApiError server(String message) {
        return new ApiError(500, "server_error", message, null, null);
    }

    public int status() {
        return status;
    }

    /** Seconds for a {@code Retry-After} header; 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ObjectNode toJson() {
        ObjectNode error = JSON.createObjectNode();
        error.put("message", getMessage());
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        return body;
    }
}
