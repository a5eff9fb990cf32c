package dev.gannet.bench.discrimination;

import dev.gannet.runtime.backend.EngineBackend;
import dev.gannet.runtime.backend.EngineOptions;
import dev.gannet.runtime.backend.OpenAiServerBackend;
import dev.gannet.runtime.backend.OpenAiServerOptions;
import dev.gannet.runtime.backend.ScriptedBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The command line's model arguments as {@link BackendSource}s. */
public final class BackendSources {
    private BackendSources() {
    }

    /**
     * {@code script:FILE} (canned completions, test tooling) or a GGUF file for Gannet's engine.
     * A file that does not exist is refused here, before any case runs.
     */
    public static BackendSource model(String spec) {
        if (spec.startsWith(ScriptedBackend.SCHEME)) {
            Path file = existing(spec.substring(ScriptedBackend.SCHEME.length()), "--model");
            return new BackendSource(spec, () -> ScriptedBackend.fromFile(file, Duration.ZERO), null, true);
        }
        Path file = existing(spec, "--model");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--model " + spec + ": " + e.getMessage());
        }
        return new BackendSource(file.getFileName().toString(),
                () -> EngineBackend.open(file, EngineOptions.defaults()), size, true);
    }

    /**
     * An OpenAI-compatible server at {@code url}, optionally {@code URL#MODEL} to name the model the
     * server should use (llama.cpp's server ignores the name; Ollama needs it).
     */
    public static BackendSource server(String url) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String model = hash < 0 ? "default" : url.substring(hash + 1);
        OpenAiServerOptions options = OpenAiServerOptions.of(base, model); // validates the address now
        return new BackendSource(url, () -> OpenAiServerBackend.create(options), null, false);
    }

    static Path existing(String path, String option) {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + path + ": no such file");
        }
        return file;
    }
}
