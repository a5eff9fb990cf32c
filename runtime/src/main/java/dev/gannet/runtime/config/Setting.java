package dev.gannet.runtime.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every setting Gannet reads: its key in the config file (and in {@code --set key=value}), the
 * environment variable that overrides it, and the type of its value. Adding a setting starts here.
 */
enum Setting {
    DATA_DIR("data_dir", "GANNET_HOME", new SettingType.Text()),
    MODEL("model", "GANNET_MODEL", new SettingType.Text()),
    FALLBACK_MODEL("fallback_model", "GANNET_FALLBACK_MODEL", new SettingType.Text()),
    ALIASES("aliases", null, new SettingType.Aliases()),
    HOST("host", "GANNET_HOST", new SettingType.Text()),
    PORT("port", "GANNET_PORT", new SettingType.WholeNumber(0, 65_535)),
    API_KEY("api_key", "GANNET_API_KEY", new SettingType.Text()),
    THREADS("threads", "GANNET_THREADS", new SettingType.WholeNumber(1, 1024)),
    CONTEXT("context", "GANNET_CONTEXT", new SettingType.WholeNumber(16, 1 << 20)),
    MODE("mode", "GANNET_MODE", SettingType.Choice.mode()),
    MAX_STEPS("max_steps", "GANNET_MAX_STEPS", new SettingType.WholeNumber(1, 1000)),
    MAX_TOKENS("max_tokens", "GANNET_MAX_TOKENS", new SettingType.WholeNumber(1, 1 << 20)),
    TEMPERATURE("temperature", "GANNET_TEMPERATURE", new SettingType.Decimal(0, 5)),
    QUEUE_SIZE("queue_size", "GANNET_QUEUE_SIZE", new SettingType.WholeNumber(1, 10_000)),
    PROMPT_CACHE_MB("prompt_cache_mb", "GANNET_PROMPT_CACHE_MB", new SettingType.WholeNumber(0, 1 << 20)),
    KV_CACHE_TYPE("kv_cache_type", "GANNET_KV_CACHE_TYPE", SettingType.Choice.kvCacheType());

    final String key;
    /** Null when no variable can set it. */
    final String environmentVariable;
    final SettingType type;

    Setting(String key, String environmentVariable, SettingType type) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.type = type;
    }

    static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(setting -> setting.key.equals(key)).findFirst();
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(setting -> setting.key).toList();
    }
}
