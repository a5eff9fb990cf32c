package dev.gannet.runtime.cli;

import dev.gannet.kernels.engine.SamplingParameters;
import dev.gannet.runtime.agent.AgentLimits;
import dev.gannet.runtime.agent.AgentSettings;
import dev.gannet.runtime.backend.GenerationSettings;
import dev.gannet.runtime.backend.ModelBackend;
import dev.gannet.runtime.config.GannetConfig;
import dev.gannet.runtime.models.BackendOpener;
import dev.gannet.runtime.session.SessionStore;
import dev.gannet.runtime.session.SqliteSessionStore;
import dev.gannet.tools.ToolContext;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code run} and {@code chat} share: the configuration (file, GANNET_* variables, then these
 * flags), the model, the workspace and the limits.
 */
final class AgentOptions {
    @Mixin
    ConfigOptions config;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "a GGUF path, an installed model or alias, a catalog name (pulled on first use), hf:OWNER/REPO/FILE.gguf, "
                    + "an OpenAI-compatible server URL[#MODEL], or script:FILE.jsonl (test tooling); default: the configured model (smollm2)")
    String model;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "the directory the tools work in (default: the current one)")
    Path workspace;

    @Option(names = "--mode", paramLabel = "MODE", description = "read-only (default) or workspace-write")
    String mode;

    @Option(names = "--max-steps", paramLabel = "N", description = "model calls per turn before giving up (default: 8)")
    Integer maxSteps;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "compute threads (default: one per core)")
    Integer threads;

    @Option(names = {"-c", "--context"}, paramLabel = "N", description = "context size in tokens (default: 4096)")
    Integer context;

    @Option(names = "--lora", paramLabel = "FILE", description = "a LoRA adapter (llama.cpp GGUF) applied at run time; repeatable")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--lora-scale", paramLabel = "S", description = "strength of each --lora, in the same order (default 1)")
    List<Float> loraScales = new ArrayList<>();

    /** The configuration with these flags on top. */
    GannetConfig settings() {
        putIfGiven("model", model);
        putIfGiven("mode", mode);
        putIfGiven("max_steps", maxSteps);
        putIfGiven("threads", threads);
        putIfGiven("context", context);
        return config.load();
    }

    private void putIfGiven(String key, Object value) {
        if (value != null) {
            config.settings.put(key, value.toString());
        }
    }

    SessionStore openStore(GannetConfig settings) {
        return SqliteSessionStore.inDataDir(settings.dataDir());
    }

    /** The model; the configured fallback (after a warning on stderr) when the default fails to load. */
    ModelBackend openBackend(GannetConfig settings, PrintWriter err) {
        BackendOpener opener = BackendOpener.forConfig(settings, new ConsoleProgress(err),
                LoraArguments.read(loras, loraScales));
        return opener.openDefault(warning -> {
            err.println("gannet: " + warning);
            err.flush();
        });
    }

    Path workspace() {
        Path dir = workspace != null ? workspace : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such directory (the workspace must be one)");
        }
        return dir;
    }

    AgentSettings agentSettings(GannetConfig settings) {
        AgentLimits limits = AgentLimits.DEFAULT.withMaxSteps(settings.maxSteps());
        ToolContext tools = ToolContext.readOnly(workspace()).withMode(settings.mode());
        return new AgentSettings(limits, generation(settings), tools);
    }

    /** The agent's generation settings: greedy at temperature 0 (repeatable), else sampled with the usual cut-offs. */
    static GenerationSettings generation(GannetConfig settings) {
        SamplingParameters sampling = settings.temperature() == 0
                ? SamplingParameters.greedy()
                : SamplingParameters.defaults(System.nanoTime()).withTemperature((float) settings.temperature());
        return new GenerationSettings(sampling, settings.maxTokens(), List.of(), true);
    }
}
