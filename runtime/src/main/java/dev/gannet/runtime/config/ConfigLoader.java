package dev.gannet.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the settings from their three places, each overriding the one before: the config file, then
 * {@code GANNET_*} environment variables, then the command line. What none of them sets keeps its
 * default (see {@link GannetConfig}).
 */
final class ConfigLoader {
    static final String CONFIG_VARIABLE = "GANNET_CONFIG";
    static final String CONFIG_FILE_NAME = "config.json";
    /** A name people guess for the data directory's variable; refused rather than silently ignored. */
    private static final String NOT_READ_DATA_DIR_VARIABLE = "GANNET_DATA_DIR";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigSources sources;

    ConfigLoader(ConfigSources sources) {
        this.sources = sources;
    }

    /** The settings that were given, typed, with the highest-precedence source winning. */
    Loaded load() {
        if (sources.environment().containsKey(NOT_READ_DATA_DIR_VARIABLE)) {
            throw new ConfigException("environment variable " + NOT_READ_DATA_DIR_VARIABLE
                    + " is not read; set GANNET_HOME to choose the data directory");
        }
        Map<Setting, Object> fromEnvironment = fromEnvironment();
        Map<Setting, Object> fromFlags = fromFlags();
        // The file's own location depends on the data directory, which only the environment and the
        // command line can move (a data_dir inside the file moves the data, not the file itself).
        Path file = configFile(fromEnvironment, fromFlags);
        Map<Setting, Object> settings = new EnumMap<>(Setting.class);
        settings.putAll(fromFile(file));
        settings.putAll(fromEnvironment);
        settings.putAll(fromFlags);
        return new Loaded(settings, Files.exists(file) ? file : null);
    }

    record Loaded(Map<Setting, Object> settings, Path file) {
    }

    Path defaultDataDir() {
        return sources.home().resolve(".gannet");
    }

    /** {@code ~} and {@code ~/…} are the home directory; a relative path is taken from the working directory. */
    Path expandPath(String text) {
        if (text.equals("~")) {
            return sources.home();
        }
        if (text.startsWith("~/")) {
            return sources.home().resolve(text.substring(2));
        }
        return Path.of(text).toAbsolutePath();
    }

    private Path configFile(Map<Setting, Object> fromEnvironment, Map<Setting, Object> fromFlags) {
        if (sources.configFile() != null) {
            return mustExist(sources.configFile(), "the config file given with --config");
        }
        String variable = sources.environment().get(CONFIG_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return mustExist(expandPath(variable), "the config file named by " + CONFIG_VARIABLE);
        }
        Object dataDir = fromFlags.getOrDefault(Setting.DATA_DIR, fromEnvironment.get(Setting.DATA_DIR));
        Path dir = dataDir == null ? defaultDataDir() : expandPath((String) dataDir);
        return dir.resolve(CONFIG_FILE_NAME);
    }

    private static Path mustExist(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(what + ", " + file + ", " + (Files.exists(file) ? "is not a file" : "does not exist"));
        }
        return file;
    }

    private static Map<Setting, Object> fromFile(Path file) {
        Map<Setting, Object> settings = new EnumMap<>(Setting.class);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return settings;  // no file is fine: everything has a default
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new ConfigException("cannot read the config file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + " must hold one JSON object of settings, like {\"model\": \"smollm2\"}");
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            Setting setting = Setting.byKey(entry.getKey()).orElseThrow(() -> new ConfigException(
                    file + ": unknown setting \"" + entry.getKey() + "\"; the settings are " + String.join(", ", Setting.keys())));
            if (entry.getValue().isNull()) {
                continue;  // null asks for the default, as if the key were absent
            }
            Object value = setting.type.fromJson(entry.getValue());
            if (value == null) {
                throw new ConfigException(file + ": \"" + setting.key + "\" must be " + setting.type.expected()
                        + ", was " + entry.getValue());
            }
            settings.put(setting, value);
        }
        return settings;
    }

    private Map<Setting, Object> fromEnvironment() {
        Map<Setting, Object> settings = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String text = setting.environmentVariable == null ? null : sources.environment().get(setting.environmentVariable);
            if (text != null) {
                settings.put(setting, parseText(setting, text, "environment variable " + setting.environmentVariable));
            }
        }
        return settings;
    }

    private Map<Setting, Object> fromFlags() {
        Map<Setting, Object> settings = new EnumMap<>(Setting.class);
        for (Map.Entry<String, String> flag : sources.flags().entrySet()) {
            Setting setting = Setting.byKey(flag.getKey()).orElseThrow(() -> new ConfigException(
                    "unknown setting \"" + flag.getKey() + "\" on the command line; the settings are "
                            + String.join(", ", Setting.keys())));
            settings.put(setting, parseText(setting, flag.getValue(), "command-line setting " + setting.key));
        }
        return settings;
    }

    private static Object parseText(Setting setting, String text, String where) {
        Object value = setting.type.fromText(text);
        if (value == null) {
            throw new ConfigException(where + " must be " + setting.type.expected() + ", was \"" + text + "\"");
        }
        return value;
    }
}
