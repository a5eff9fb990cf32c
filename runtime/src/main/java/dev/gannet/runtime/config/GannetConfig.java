package dev.gannet.runtime.config;

import dev.gannet.kernels.model.KvCacheType;
import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.tools.ToolMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Gannet's configuration, read once at start and validated: one JSON file ({@code <data dir>/config.json},
 * or the file {@code $GANNET_CONFIG} or {@code --config} names), then {@code GANNET_*} environment
 * variables, then command-line settings, each overriding the one before. See docs/configuration.md.
 *
 * @param dataDir       where sessions (and downloaded models) live; default {@code ~/.gannet}
 * @param model         the model used when a request names none (a reference or an alias)
 * @param fallbackModel the model to use when {@code model} cannot be loaded, or null for none
 * @param aliases       short names for model references
 * @param host          the address the server listens on
 * @param port          the server's port (0: any free port)
 * @param apiKey        the bearer token clients must send, or null to ask for none
 * @param threads       inference threads
 * @param context       the context length, in tokens
 * @param mode          what tools may change
 * @param maxSteps      most model calls in one turn
 * @param maxTokens     most tokens generated in one model call
 * @param temperature   sampling temperature (0: greedy, repeatable)
 * @param queueSize     requests that may wait for the inference service before new ones are refused
 * @param promptCacheMb megabytes of evaluated prompts kept on disk between runs, in
 *                      {@code <data dir>/prompt-cache}; 0 turns the prompt cache off
 * @param kvCacheType   how each conversation's KV cache stores keys and values (default F16, as llama.cpp)
 * @param file          the config file that was read, or null when there was none
 */
public record GannetConfig(Path dataDir, String model, String fallbackModel, Map<String, String> aliases,
                           String host, int port, String apiKey, int threads, int context, ToolMode mode,
                           int maxSteps, int maxTokens, double temperature, int queueSize, int promptCacheMb,
                           KvCacheType kvCacheType, Path file) {
    public static final String DEFAULT_MODEL = "smollm2";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_CONTEXT = 4096;
    public static final int DEFAULT_MAX_STEPS = 8;
    public static final int DEFAULT_QUEUE_SIZE = 16;
    public static final int DEFAULT_PROMPT_CACHE_MB = 1024;

    public GannetConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(model, "model");
        aliases = Map.copyOf(aliases);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mode, "mode");
    }

    /** Reads the configuration from its sources; a mistake in any of them is a {@link ConfigException}. */
    public static GannetConfig load(ConfigSources sources) {
        ConfigLoader loader = new ConfigLoader(sources);
        ConfigLoader.Loaded loaded = loader.load();
        Map<Setting, Object> given = loaded.settings();
        Object dataDir = given.get(Setting.DATA_DIR);
        return new GannetConfig(
                dataDir == null ? loader.defaultDataDir() : loader.expandPath((String) dataDir),
                (String) given.getOrDefault(Setting.MODEL, DEFAULT_MODEL),
                (String) given.get(Setting.FALLBACK_MODEL),
                aliases(given.get(Setting.ALIASES)),
                (String) given.getOrDefault(Setting.HOST, DEFAULT_HOST),
                (Integer) given.getOrDefault(Setting.PORT, DEFAULT_PORT),
                (String) given.get(Setting.API_KEY),
                (Integer) given.getOrDefault(Setting.THREADS, sources.processors()),
                (Integer) given.getOrDefault(Setting.CONTEXT, DEFAULT_CONTEXT),
                (ToolMode) given.getOrDefault(Setting.MODE, ToolMode.READ_ONLY),
                (Integer) given.getOrDefault(Setting.MAX_STEPS, DEFAULT_MAX_STEPS),
                (Integer) given.getOrDefault(Setting.MAX_TOKENS, GenerationSettings.DEFAULT_MAX_TOKENS),
                (Double) given.getOrDefault(Setting.TEMPERATURE, 0.0),
                (Integer) given.getOrDefault(Setting.QUEUE_SIZE, DEFAULT_QUEUE_SIZE),
                (Integer) given.getOrDefault(Setting.PROMPT_CACHE_MB, DEFAULT_PROMPT_CACHE_MB),
                (KvCacheType) given.getOrDefault(Setting.KV_CACHE_TYPE, KvCacheType.F16),
                loaded.file());
    }

    /** Where evaluated prompts are kept between runs. */
    public Path promptCacheDirectory() {
        return dataDir.resolve("prompt-cache");
    }

    /** The model reference a name stands for: the alias's target, or the name itself when it is no alias. */
    public String resolveModel(String nameOrAlias) {
        return aliases.getOrDefault(nameOrAlias, nameOrAlias);
    }

    /** The default model, its alias resolved. */
    public String defaultModelReference() {
        return resolveModel(model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> aliases(Object value) {
        return value == null ? Map.of() : (Map<String, String>) value;
    }

    /** Never prints the API key: configurations end up in logs. */
    @Override
    public String toString() {
        return "GannetConfig[dataDir=" + dataDir + ", model=" + model + ", fallbackModel=" + fallbackModel
                + ", aliases=" + aliases + ", host=" + host + ", port=" + port + ", apiKey="
                + (apiKey == null ? "none" : "(set)") + ", threads=" + threads + ", context=" + context
                + ", mode=" + mode.wireName() + ", maxSteps=" + maxSteps + ", maxTokens=" + maxTokens
                + ", temperature=" + temperature + ", queueSize=" + queueSize + ", promptCacheMb=" + promptCacheMb
                + ", kvCacheType=" + kvCacheType.label() + ", file=" + file + "]";
    }
}
