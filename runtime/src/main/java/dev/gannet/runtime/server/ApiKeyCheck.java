package dev.gannet.runtime.server;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Requires {@code Authorization: Bearer KEY} on every request but {@code /health} (so that probes need
 * no secret). The comparison takes the same time whatever the key sent, to leak nothing of the key.
 */
final class ApiKeyCheck implements Handler<RoutingContext> {
    private final byte[] expected;

    ApiKeyCheck(String key) {
        this.expected = ("Bearer " + key).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (HttpVerticle.HEALTH.equals(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        byte[] sent = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(expected, sent)) {
            ctx.next();
        } else {
            ErrorResponses.send(ctx.response(), ErrorResponses.forStatus(401));
        }
    }
}
