package dev.gannet.bench.discrimination;

import dev.gannet.kernels.lora.LoraAdapter;
import dev.gannet.kernels.lora.ScaledLora;
import dev.gannet.runtime.backend.EngineBackend;
import dev.gannet.runtime.backend.EngineOptions;
import dev.gannet.runtime.backend.OpenAiServerBackend;
import dev.gannet.runtime.backend.OpenAiServerOptions;
import dev.gannet.runtime.backend.ScriptedBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line's model arguments as {@link BackendSource}s. */
public final class BackendSources {
    private BackendSources() {
    }

    /**
     * {@code script:FILE} (canned completions, test tooling) or a GGUF file for Gannet's engine.
     * A file that does not exist is refused here, before any case runs.
     */
    public static BackendSource model(String spec) {
        return model(spec, List.of());
    }

    /**
     * A GGUF file with LoRA adapters applied at run time (none for the plain model). The adapters are
     * read and checked here, so a bad one is refused before any case runs; whether they fit the model
     * is checked when it loads. Its size on disk is the model's plus the adapters'.
     */
    public static BackendSource model(String spec, List<AdapterSpec> adapters) {
        if (spec.startsWith(ScriptedBackend.SCHEME)) {
            if (!adapters.isEmpty()) {
                throw new IllegalArgumentException("--lora applies to a GGUF --model, not to " + spec);
            }
            Path file = existing(spec.substring(ScriptedBackend.SCHEME.length()), "--model");
            return new BackendSource(spec, () -> ScriptedBackend.fromFile(file, Duration.ZERO), null, true);
        }
        Path file = existing(spec, "--model");
        long size = size(file, "--model");
        List<ScaledLora> loras = new ArrayList<>();
        for (AdapterSpec adapter : adapters) {
            existing(adapter.file().toString(), "--lora");
            size += size(adapter.file(), "--lora");
            loras.add(LoraAdapter.read(adapter.file()).scaled(adapter.scale()));
        }
        EngineOptions options = EngineOptions.defaults().withAdapters(loras);
        return new BackendSource(file.getFileName().toString(), () -> EngineBackend.open(file, options), size, true, adapters);
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

    private static long size(Path file, String option) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + e.getMessage());
        }
    }
}
