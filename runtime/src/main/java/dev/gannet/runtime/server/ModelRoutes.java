package dev.gannet.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.runtime.backend.BackendException;
import dev.gannet.runtime.backend.ModelBackend;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * {@code GET /v1/models} (the loaded model, in OpenAI's list shape) and {@code POST /v1/models/load}
 * ({@code {"model": REF}}: opens REF with the opener on a worker, as opening a GGUF takes seconds, then
 * hot-swaps it in; running completions finish on the old model).
 */
final class ModelRoutes {
    static final String LIST = "/v1/models";
    static final String LOAD = "/v1/models/load";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InferenceService inference;
    private final Function<String, ModelBackend> opener;
    private final WorkerExecutor loader;
    private final long started = System.currentTimeMillis() / 1000;

    ModelRoutes(InferenceService inference, Function<String, ModelBackend> opener, WorkerExecutor loader) {
        this.inference = inference;
        this.opener = opener;
        this.loader = loader;
    }

    void list(RoutingContext ctx) {
        ObjectNode body = JSON.createObjectNode().put("object", "list");
        body.putArray("data").add(model(inference.modelId()));
        ctx.response().putHeader("Content-Type", "application/json").end(body.toString());
    }

    void load(RoutingContext ctx) {
        String reference = reference(ctx.body().asString());
        loader.executeBlocking(() -> opener.apply(reference), false).onComplete(backend -> {
            String previous = inference.swap(backend);
            ObjectNode body = model(backend.id()).put("replaced", previous);
            ctx.response().putHeader("Content-Type", "application/json").end(body.toString());
        }, failure -> ctx.fail(failure instanceof IllegalArgumentException || failure instanceof BackendException
                ? ApiError.invalid("model", "Cannot load '" + reference + "': " + failure.getMessage())
                : failure));
    }

    private static String reference(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.invalid(null, "We could not parse the JSON body of your request: " + e.getOriginalMessage());
        }
        JsonNode model = root == null ? null : root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw ApiError.invalid("model", "Send {\"model\": \"<reference>\"}: the model to load.");
        }
        return model.asText();
    }

    private ObjectNode model(String id) {
        return JSON.createObjectNode().put("id", id).put("object", "model").put("created", started)
                .put("owned_by", "gannet");
    }
}
