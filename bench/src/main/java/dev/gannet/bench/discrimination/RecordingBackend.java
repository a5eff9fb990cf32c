package dev.gannet.bench.discrimination;

import dev.gannet.runtime.backend.Completion;
import dev.gannet.runtime.backend.CompletionListener;
import dev.gannet.runtime.backend.CompletionRequest;
import dev.gannet.runtime.backend.ModelBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes requests on to a backend and keeps the completions of one case, so the classifier sees the
 * first turn exactly as the model wrote it, also when the agent loop drives the run.
 */
final class RecordingBackend implements ModelBackend {
    private final ModelBackend backend;
    private final List<Completion> completions = new ArrayList<>();

    RecordingBackend(ModelBackend backend) {
        this.backend = backend;
    }

    @Override
    public String id() {
        return backend.id();
    }

    @Override
    public Completion complete(CompletionRequest request, CompletionListener listener) {
        Completion completion = backend.complete(request, listener);
        completions.add(completion);
        return completion;
    }

    @Override
    public String toolUseSystemPrompt() {
        return backend.toolUseSystemPrompt();
    }

    @Override
    public void forget(String cacheKey) {
        backend.forget(cacheKey);
    }

    List<Completion> completions() {
        return List.copyOf(completions);
    }
}
