package dev.gannet.runtime.backend;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link OpenAiServerBackend} reaches an OpenAI-compatible server.
 *
 * @param baseUrl        the server's root, e.g. {@code http://127.0.0.1:8080} (llama.cpp) or
 *                       {@code http://127.0.0.1:11434} (Ollama); {@code /v1/chat/completions} is appended
 * @param model          the model name sent as {@code model}, and this backend's id
 * @param apiKey         sent as a bearer token; null for none
 * @param connectTimeout how long to wait for a connection
 * @param idleTimeout    how long the stream may stay silent before the turn fails
 */
public record OpenAiServerOptions(String baseUrl, String model, String apiKey, Duration connectTimeout,
                                  Duration idleTimeout) {
    public OpenAiServerOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the server address must start with http:// or https://, not " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (baseUrl.endsWith("/v1")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - "/v1".length());
        }
    }

    /** No API key, 10 s to connect, 5 minutes of silence allowed (a long prompt on a slow machine). */
    public static OpenAiServerOptions of(String baseUrl, String model) {
        return new OpenAiServerOptions(baseUrl, model, null, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    public OpenAiServerOptions withApiKey(String key) {
        return new OpenAiServerOptions(baseUrl, model, key, connectTimeout, idleTimeout);
    }

    public OpenAiServerOptions withTimeouts(Duration connect, Duration idle) {
        return new OpenAiServerOptions(baseUrl, model, apiKey, connect, idle);
    }

    /** The endpoint turns are posted to. */
    public String chatCompletionsUrl() {
        return baseUrl + "/v1/chat/completions";
    }
}
