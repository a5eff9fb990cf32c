package dev.gannet.runtime.cli;

import dev.gannet.runtime.config.ConfigSources;
import dev.gannet.runtime.config.GannetConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command that needs the configuration shares (a picocli mixin): which config file,
 * which data directory, and any setting by its config-file key. They override the file and the
 * environment.
 */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "the config file (default: $GANNET_CONFIG, else <data dir>/config.json)")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the data directory (default: $GANNET_HOME, else ~/.gannet)")
    String dataDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "any setting by its config-file key, e.g. --set max_steps=12 (repeatable)")
    Map<String, String> settings = new LinkedHashMap<>();

    GannetConfig load() {
        Map<String, String> flags = new LinkedHashMap<>(settings);
        if (dataDir != null) {
            flags.put("data_dir", dataDir);
        }
        return GannetConfig.load(ConfigSources.ofThisProcess(configFile, flags));
    }

    /**
     * These options with a subcommand's own on top, so that {@code gannet sessions --data-dir D show ID}
     * and {@code gannet sessions show ID --data-dir D} mean the same.
     */
    ConfigOptions overriddenBy(ConfigOptions sub) {
        ConfigOptions merged = new ConfigOptions();
        merged.configFile = sub.configFile != null ? sub.configFile : configFile;
        merged.dataDir = sub.dataDir != null ? sub.dataDir : dataDir;
        merged.settings.putAll(settings);
        merged.settings.putAll(sub.settings);
        return merged;
    }
}
