package dev.gannet.kernels.arch.llama;

import dev.gannet.kernels.arch.Architecture;
import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.HyperparameterReader;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.gguf.GgufFile;

/**
 * {@code llama}: Llama 2 and 3.x, Mistral, CodeLlama, TinyLlama, SmolLM2. RMSNorm, SwiGLU, RoPE on
 * adjacent pairs (the converter permutes Q and K for it), grouped-query attention, output tied to
 * the embedding when {@code output.weight} is absent, Llama 3.1 frequency factors in {@code rope_freqs}.
 */
public final class LlamaArchitecture implements Architecture {
    @Override
    public String name() {
        return "llama";
    }

    @Override
    public ArchitectureFeatures features() {
        return ArchitectureFeatures.llama();
    }

    @Override
    public ModelConfig readConfig(GgufFile file) {
        return new HyperparameterReader(file, name(), features()).build();
    }
}
