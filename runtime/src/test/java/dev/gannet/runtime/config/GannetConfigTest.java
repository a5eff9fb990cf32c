package dev.gannet.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.model.KvCacheType;
import dev.gannet.tools.ToolMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GannetConfigTest {
    @TempDir
    Path home;

    private GannetConfig load(Map<String, String> env, Map<String, String> flags) {
        return GannetConfig.load(new ConfigSources(env, home, 6, null, flags));
    }

    private Path writeDefaultFile(String json) throws Exception {
        Path file = home.resolve(".gannet/config.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    private ConfigException failure(Map<String, String> env, Map<String, String> flags) {
        return assertThrows(ConfigException.class, () -> load(env, flags));
    }

    @Test
    void nothingGivenMeansTheDocumentedDefaults() {
        GannetConfig config = load(Map.of(), Map.of());
        assertEquals(home.resolve(".gannet"), config.dataDir());
        assertEquals("smollm2", config.model());
        assertNull(config.fallbackModel());
        assertEquals(Map.of(), config.aliases());
        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
        assertNull(config.apiKey());
        assertEquals(6, config.threads());
        assertEquals(4096, config.context());
        assertEquals(ToolMode.READ_ONLY, config.mode());
        assertEquals(8, config.maxSteps());
        assertEquals(1024, config.maxTokens());
        assertEquals(0.0, config.temperature());
        assertEquals(16, config.queueSize());
        assertEquals(1024, config.promptCacheMb());
        assertEquals(config.dataDir().resolve("prompt-cache"), config.promptCacheDirectory());
        assertNull(config.file());
    }

    @Test
    void theFileSetsEverySetting() throws Exception {
        Path file = writeDefaultFile("""
                {"data_dir": "~/elsewhere", "model": "fast", "fallback_model": "smollm2",
                 "aliases": {"fast": "qwen2.5-0.5b-q8_0", "big": "qwen2.5-7b"},
                 "host": "0.0.0.0", "port": 9000, "api_key": "s3cret", "threads": 3, "context": 8192,
                 "mode": "workspace-write", "max_steps": 12, "max_tokens": 300, "temperature": 0.7,
                 "queue_size": 4, "prompt_cache_mb": 0, "kv_cache_type": "f32"}""");
        GannetConfig config = load(Map.of(), Map.of());
        assertEquals(home.resolve("elsewhere"), config.dataDir());
        assertEquals("fast", config.model());
        assertEquals("qwen2.5-0.5b-q8_0", config.defaultModelReference());
        assertEquals("qwen2.5-7b", config.resolveModel("big"));
        assertEquals("other", config.resolveModel("other"));
        assertEquals("smollm2", config.fallbackModel());
        assertEquals("0.0.0.0", config.host());
        assertEquals(9000, config.port());
        assertEquals("s3cret", config.apiKey());
        assertEquals(3, config.threads());
        assertEquals(8192, config.context());
        assertEquals(ToolMode.WORKSPACE_WRITE, config.mode());
        assertEquals(12, config.maxSteps());
        assertEquals(300, config.maxTokens());
        assertEquals(0.7, config.temperature());
        assertEquals(4, config.queueSize());
        assertEquals(0, config.promptCacheMb());
        assertEquals(KvCacheType.F32, config.kvCacheType());
        assertEquals(file, config.file());
        assertFalse(config.toString().contains("s3cret"), "the API key must not reach logs");
    }

    @Test
    void environmentBeatsTheFileAndFlagsBeatTheEnvironment() throws Exception {
        writeDefaultFile("{\"port\": 9000, \"model\": \"from-file\", \"threads\": 2, \"mode\": \"workspace-write\"}");
        Map<String, String> env = Map.of("GANNET_PORT", "9100", "GANNET_MODEL", "from-env", "GANNET_MAX_STEPS", "3",
                "GANNET_PROMPT_CACHE_MB", "256");
        GannetConfig config = load(env, Map.of("port", "9200"));
        assertEquals(9200, config.port(), "flag over environment over file");
        assertEquals("from-env", config.model(), "environment over file");
        assertEquals(2, config.threads(), "file over default");
        assertEquals(ToolMode.WORKSPACE_WRITE, config.mode());
        assertEquals(3, config.maxSteps(), "environment over default");
        assertEquals(256, config.promptCacheMb());
        assertEquals(KvCacheType.F16, config.kvCacheType(), "the default");
        assertEquals(KvCacheType.F32, load(Map.of("GANNET_KV_CACHE_TYPE", "F32"), Map.of()).kvCacheType());
        GannetConfig flagged = load(env, Map.of("model", "from-flag", "mode", "read-only"));
        assertEquals("from-flag", flagged.model());
        assertEquals(ToolMode.READ_ONLY, flagged.mode());
    }

    @Test
    void gannetHomeMovesTheDataDirectoryAndItsConfigFile() throws Exception {
        Path data = home.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("config.json"), "{\"model\": \"from-moved-file\"}");
        writeDefaultFile("{\"model\": \"from-default-file\"}");
        GannetConfig config = load(Map.of("GANNET_HOME", data.toString()), Map.of());
        assertEquals(data, config.dataDir());
        assertEquals("from-moved-file", config.model());
        GannetConfig flagged = load(Map.of(), Map.of("data_dir", data.toString()));
        assertEquals("from-moved-file", flagged.model());
    }

    @Test
    void gannetConfigAndTheConfigOptionNameTheFile() throws Exception {
        Path named = home.resolve("named.json");
        Files.writeString(named, "{\"model\": \"named\"}");
        Path option = home.resolve("option.json");
        Files.writeString(option, "{\"model\": \"option\"}");
        assertEquals("named", load(Map.of("GANNET_CONFIG", named.toString()), Map.of()).model());
        GannetConfig fromOption = GannetConfig.load(
                new ConfigSources(Map.of("GANNET_CONFIG", named.toString()), home, 1, option, Map.of()));
        assertEquals("option", fromOption.model());
        assertEquals(option, fromOption.file());
    }

    @Test
    void aNamedConfigFileThatIsMissingIsAnError() {
        Path missing = home.resolve("missing.json");
        ConfigException e = failure(Map.of("GANNET_CONFIG", missing.toString()), Map.of());
        assertEquals("the config file named by GANNET_CONFIG, " + missing + ", does not exist", e.getMessage());
    }

    @Test
    void anUnknownKeyNamesTheFileAndTheKey() throws Exception {
        Path file = writeDefaultFile("{\"model\": \"x\", \"prot\": 9000}");
        ConfigException e = failure(Map.of(), Map.of());
        assertTrue(e.getMessage().startsWith(file + ": unknown setting \"prot\"; the settings are data_dir, model,"),
                e.getMessage());
        ConfigException flag = failure(Map.of(), Map.of("prot", "1"));
        assertTrue(flag.getMessage().startsWith("unknown setting \"prot\" on the command line"), flag.getMessage());
    }

    @Test
    void aWrongTypeNamesTheFileTheKeyAndWhatItMustBe() throws Exception {
        Path file = writeDefaultFile("{\"port\": \"8080\"}");
        assertEquals(file + ": \"port\" must be a whole number from 0 to 65535, was \"8080\"",
                failure(Map.of(), Map.of()).getMessage());
        writeDefaultFile("{\"mode\": \"yolo\"}");
        assertEquals(file + ": \"mode\" must be \"read-only\" or \"workspace-write\", was \"yolo\"",
                failure(Map.of(), Map.of()).getMessage());
        writeDefaultFile("{\"kv_cache_type\": \"q4\"}");
        assertEquals(file + ": \"kv_cache_type\" must be \"f16\" or \"f32\", was \"q4\"",
                failure(Map.of(), Map.of()).getMessage());
        writeDefaultFile("{\"aliases\": {\"fast\": 3}}");
        assertTrue(failure(Map.of(), Map.of()).getMessage().startsWith(file + ": \"aliases\" must be an object"));
        writeDefaultFile("{\"max_steps\": 2.5}");
        assertTrue(failure(Map.of(), Map.of()).getMessage().startsWith(file + ": \"max_steps\" must be a whole number"));
        writeDefaultFile("{\"temperature\": -1}");
        assertTrue(failure(Map.of(), Map.of()).getMessage().startsWith(file + ": \"temperature\" must be a number"));
    }

    @Test
    void badEnvironmentAndFlagValuesNameTheirSource() {
        assertEquals("environment variable GANNET_PORT must be a whole number from 0 to 65535, was \"http\"",
                failure(Map.of("GANNET_PORT", "http"), Map.of()).getMessage());
        assertEquals("command-line setting threads must be a whole number from 1 to 1024, was \"0\"",
                failure(Map.of(), Map.of("threads", "0")).getMessage());
        assertEquals("environment variable GANNET_DATA_DIR is not read; set GANNET_HOME to choose the data directory",
                failure(Map.of("GANNET_DATA_DIR", "/x"), Map.of()).getMessage());
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() {
        GannetConfig config = load(Map.of("GANNET_DEBUG", "1", "PORT", "1", "HOME", "/elsewhere"), Map.of());
        assertEquals(8080, config.port());
    }

    @Test
    void aFileThatIsNotJsonOrNotAnObjectIsOneClearError() throws Exception {
        Path file = writeDefaultFile("{\"model\": \"x\",\n \"port\": }");
        ConfigException e = failure(Map.of(), Map.of());
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 2)"), e.getMessage());
        writeDefaultFile("[1, 2]");
        assertEquals(file + " must hold one JSON object of settings, like {\"model\": \"smollm2\"}",
                failure(Map.of(), Map.of()).getMessage());
    }

    @Test
    void nullInTheFileMeansTheDefault() throws Exception {
        writeDefaultFile("{\"port\": null, \"fallback_model\": null}");
        GannetConfig config = load(Map.of(), Map.of());
        assertEquals(8080, config.port());
        assertNull(config.fallbackModel());
    }
}
