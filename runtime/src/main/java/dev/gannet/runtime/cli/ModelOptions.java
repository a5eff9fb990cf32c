package dev.gannet.runtime.cli;

import dev.gannet.kernels.lora.ScaledLora;
import dev.gannet.kernels.model.KvCacheType;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.ThreadTeam;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a model. */
final class ModelOptions {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "a GGUF file, an installed model or alias, a catalog name (pulled on first use) or hf:OWNER/REPO/FILE.gguf")
    String model;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "compute threads (default: one per core)")
    Integer threads;

    @Option(names = {"-c", "--context"}, paramLabel = "N", defaultValue = "4096",
            description = "context size in tokens, at most the model's (default: ${DEFAULT-VALUE})")
    int context;

    @Option(names = "--kv-type", paramLabel = "TYPE", defaultValue = "f16",
            description = "how the KV cache stores keys and values: f16 (as llama.cpp by default) or f32 (default: ${DEFAULT-VALUE})")
    String kvType;

    @Option(names = "--lora", paramLabel = "FILE",
            description = "LoRA adapter (llama.cpp GGUF) applied at run time; repeatable")
    List<Path> loras = new ArrayList<>();

    @Option(names = "--lora-scale", paramLabel = "S",
            description = "strength of each --lora, one per adapter in the same order (default 1)")
    List<Float> loraScales = new ArrayList<>();

    /** The GGUF the --model reference names, resolved with the configuration of this process (its data dir, aliases). */
    Path localFile() {
        return LocalModelFiles.resolve(model);
    }

    /** The model with the --lora adapters attached; closing it unmaps the file. */
    Model load() {
        List<ScaledLora> adapters = LoraArguments.read(loras, loraScales);
        Model base = Model.load(localFile());
        if (adapters.isEmpty()) {
            return base;
        }
        try {
            return base.withAdapters(adapters);
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
    }

    ThreadTeam team() {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        return threads == null ? ThreadTeam.sizedToCores() : new ThreadTeam(threads);
    }

    KvCacheType kvType() {
        try {
            return KvCacheType.parse(kvType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--kv-type: " + e.getMessage());
        }
    }

    int context() {
        if (context < 1) {
            throw new IllegalArgumentException("--context must be at least 1");
        }
        return context;
    }
}
