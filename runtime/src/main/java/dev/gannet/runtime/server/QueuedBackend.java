package dev.gannet.runtime.server;

import dev.gannet.runtime.backend.BackendException;
import dev.gannet.runtime.backend.Completion;
import dev.gannet.runtime.backend.CompletionListener;
import dev.gannet.runtime.backend.CompletionRequest;
import dev.gannet.runtime.backend.ModelBackend;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The inference service seen as a blocking backend: the agent loop calls {@code complete} on its own
 * thread and waits while the request queues and runs on the inference thread. A full queue becomes a
 * {@link BackendException} the loop reports as an {@code error} event.
 */
final class QueuedBackend implements ModelBackend {
    private final InferenceService service;

    QueuedBackend(InferenceService service) {
        this.service = service;
    }

    @Override
    public String id() {
        return service.modelId();
    }

    @Override
    public String toolUseSystemPrompt() {
        return service.currentBackend().toolUseSystemPrompt();
    }

    @Override
    public void forget(String cacheKey) {
        service.currentBackend().forget(cacheKey);
    }

    @Override
    public Completion complete(CompletionRequest request, CompletionListener listener) {
        CompletableFuture<Completion> result;
        try {
            result = service.submit(request, listener);
        } catch (QueueFullException e) {
            throw new BackendException(e.getMessage());
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.cancellation().cancel();
            throw new BackendException("interrupted while waiting for the model");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new BackendException("the model failed: " + e.getCause(), e.getCause());
        } catch (CancellationException e) {
            throw new BackendException("the completion was cancelled");
        }
    }
}
