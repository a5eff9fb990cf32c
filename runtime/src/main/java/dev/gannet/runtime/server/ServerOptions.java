package dev.gannet.runtime.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How the server listens, checked once at start.
 *
 * @param host          the address to bind; anything but loopback needs an API key
 * @param port          0 for any free port (tests)
 * @param apiKey        the bearer token every endpoint but {@code /health} requires; null for none
 * @param queueCapacity completions that may wait while one runs (beyond it: 429)
 * @param maxBodyBytes  the largest request body accepted
 */
public record ServerOptions(String host, int port, String apiKey, int queueCapacity, long maxBodyBytes) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_QUEUE = 16;
    public static final long DEFAULT_MAX_BODY = 8L << 20;

    public ServerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535, not " + port);
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("--api-key must not be blank");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the queue size must be at least 1, not " + queueCapacity);
        }
        if (apiKey == null && !isLoopback(host)) {
            throw new IllegalArgumentException("refusing to serve on " + host + " without an API key: anyone who "
                    + "can reach it could run the model and its tools. Pass --api-key KEY, or bind 127.0.0.1.");
        }
    }

    public static ServerOptions loopback(int port) {
        return new ServerOptions(DEFAULT_HOST, port, null, DEFAULT_QUEUE, DEFAULT_MAX_BODY);
    }

    public ServerOptions withApiKey(String key) {
        return new ServerOptions(host, port, key, queueCapacity, maxBodyBytes);
    }

    public ServerOptions withQueueCapacity(int capacity) {
        return new ServerOptions(host, port, apiKey, capacity, maxBodyBytes);
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + " is not an address this machine knows");
        }
    }
}
