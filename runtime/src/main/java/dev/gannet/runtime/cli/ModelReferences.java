package dev.gannet.runtime.cli;

import dev.gannet.runtime.backend.BackendException;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.backend.ScriptedBackend;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one place a model reference ({@code --model REF}, {@code POST /v1/models/load}) becomes a
 * backend. Today it knows {@code script:FILE.jsonl} (the scripted test model); the engine's GGUF
 * files, the models store's names and remote servers are added here as they land.
 */
public final class ModelReferences {
    private ModelReferences() {
    }

    /**
     * Opens the model {@code reference} names.
     *
     * @throws BackendException when the reference cannot be opened (the message says why)
     */
    public static ModelBackend open(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new BackendException("no model given: pass --model REF (for example script:turns.jsonl)");
        }
        if (reference.startsWith(ScriptedBackend.SCHEME)) {
            String file = reference.substring(ScriptedBackend.SCHEME.length());
            return ScriptedBackend.fromFile(Path.of(file), Duration.ZERO);
        }
        throw new BackendException("cannot open model '" + reference + "': this build serves only scripted "
                + "models (script:FILE.jsonl)");
    }
}
