package dev.gannet.runtime.server;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Builds the {@code /v1/agent} handler on the server's own inference service and metrics. */
@FunctionalInterface
public interface AgentSocketFactory {
    Handler<RoutingContext> create(InferenceService inference, ServerMetrics metrics);
}
