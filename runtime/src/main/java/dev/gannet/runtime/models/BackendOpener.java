package dev.gannet.runtime.models;

import dev.gannet.kernels.lora.ScaledLora;
import dev.gannet.runtime.backend.EngineBackend;
import dev.gannet.runtime.backend.EngineOptions;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.backend.OpenAiServerBackend;
import dev.gannet.runtime.backend.OpenAiServerOptions;
import dev.gannet.runtime.backend.ScriptedBackend;
import dev.gannet.runtime.config.GannetConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one place a model reference becomes a {@link ModelBackend}, for the CLI, the server's hot swap
 * and the benchmark harness alike:
 * <ul>
 *   <li>{@code script:FILE.jsonl}: the scripted model (test tooling);</li>
 *   <li>{@code http://…} or {@code https://…}: an OpenAI-compatible server, optionally
 *       {@code URL#MODEL} to name the model the server should run;</li>
 *   <li>anything else: resolved to a local GGUF (a path, an installed name, an alias, a catalog name
 *       pulled on first use, {@code hf:…}) and run on Gannet's engine.</li>
 * </ul>
 * The configured default model falls back to the configured fallback, with a warning, when it fails
 * to load.
 */
public final class BackendOpener {
    private final ModelResolver resolver;
    private final EngineOptions engine;
    private final String defaultReference;
    private final String fallbackReference;
    private final String apiKeyForServers;
    private final Duration scriptPause;

    /**
     * @param defaultReference  what {@link #openDefault} opens
     * @param fallbackReference what it opens when the default fails; null for none
     * @param apiKeyForServers  the key sent to remote servers ({@code GANNET_REMOTE_API_KEY}); null for none
     */
    public BackendOpener(ModelResolver resolver, EngineOptions engine, String defaultReference,
                         String fallbackReference, String apiKeyForServers, Duration scriptPause) {
        this.resolver = resolver;
        this.engine = engine;
        this.defaultReference = defaultReference;
        this.fallbackReference = fallbackReference;
        this.apiKeyForServers = apiKeyForServers;
        this.scriptPause = scriptPause;
    }

    /**
     * The opener a configuration describes: models in its data directory, pulled with the
     * {@code python3} on the PATH (pip's own PIP_INDEX_URL and friends apply), the engine sized by its
     * threads and context, and {@code GANNET_REMOTE_API_KEY} for remote servers.
     */
    public static BackendOpener forConfig(GannetConfig config, PullProgress progress) {
        return forConfig(config, progress, List.of());
    }

    /** As {@link #forConfig(GannetConfig, PullProgress)}, with LoRA adapters on every engine model it opens. */
    public static BackendOpener forConfig(GannetConfig config, PullProgress progress, List<ScaledLora> adapters) {
        ModelStore store = ModelStore.in(config.dataDir());
        String endpoint = System.getenv("HF_ENDPOINT");
        URI huggingFace = endpoint == null || endpoint.isBlank() ? HuggingFaceDownloader.HUGGING_FACE : URI.create(endpoint);
        ModelPuller puller = new ModelPuller(store, ModelCatalog.builtin(), new PipDownloader("python3", null, Map.of()),
                new HuggingFaceDownloader(huggingFace));
        EngineOptions engine = EngineOptions.defaults().withThreads(config.threads()).withContextSize(config.context())
                .withAdapters(adapters).withPromptCache(config.promptCacheDirectory(), config.promptCacheMb() * (1L << 20))
                .withKvCacheType(config.kvCacheType());
        String fallback = config.fallbackModel() == null ? null : config.resolveModel(config.fallbackModel());
        return new BackendOpener(new ModelResolver(store, puller, progress), engine, config.defaultModelReference(),
                fallback, System.getenv("GANNET_REMOTE_API_KEY"), Duration.ZERO);
    }

    /** The configured default model, or the fallback (after a warning) when the default fails to load. */
    public ModelBackend openDefault(Consumer<String> warnings) {
        if (!isLocal(defaultReference)) {
            return open(defaultReference);
        }
        return new DefaultModel(resolver, defaultReference, fallbackReference)
                .open(path -> (ModelBackend) EngineBackend.open(path, engine), warnings).model();
    }

    /** A reference as given; the configured default (with its fallback) when it is null. */
    public ModelBackend open(String reference, Consumer<String> warnings) {
        return reference == null || reference.equals(defaultReference) ? openDefault(warnings) : open(reference);
    }

    /** Exactly this reference, no fallback. */
    public ModelBackend open(String reference) {
        if (reference.startsWith(ScriptedBackend.SCHEME)) {
            return ScriptedBackend.fromFile(Path.of(reference.substring(ScriptedBackend.SCHEME.length())), scriptPause);
        }
        if (isServer(reference)) {
            int hash = reference.indexOf('#');
            String url = hash < 0 ? reference : reference.substring(0, hash);
            String model = hash < 0 ? "default" : reference.substring(hash + 1);
            OpenAiServerOptions options = OpenAiServerOptions.of(url, model);
            return OpenAiServerBackend.create(apiKeyForServers == null ? options : options.withApiKey(apiKeyForServers));
        }
        return EngineBackend.open(resolver.resolve(reference), engine);
    }

    /** The local GGUF a reference names (pulled first when it is a catalog name or hf:… not yet here). */
    public Path resolveLocal(String reference) {
        return resolver.resolve(reference);
    }

    private static boolean isServer(String reference) {
        return reference.startsWith("http://") || reference.startsWith("https://");
    }

    private static boolean isLocal(String reference) {
        return !reference.startsWith(ScriptedBackend.SCHEME) && !isServer(reference);
    }
}
