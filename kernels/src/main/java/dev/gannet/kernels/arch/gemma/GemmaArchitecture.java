package dev.gannet.kernels.arch.gemma;

import dev.gannet.kernels.arch.Activation;
import dev.gannet.kernels.arch.Architecture;
import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.HyperparameterReader;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeStyle;
import dev.gannet.kernels.gguf.GgufFile;

/**
 * {@code gemma}: Gemma 2B and 7B. Embeddings scaled by sqrt(n_embd), GELU (tanh) gate, NeoX RoPE,
 * output tied to the embedding. The converter already stored the norm weights as (1 + w).
 */
public final class GemmaArchitecture implements Architecture {
    @Override
    public String name() {
        return "gemma";
    }

    @Override
    public ArchitectureFeatures features() {
        return ArchitectureFeatures.llama().withRopeStyle(RopeStyle.NEOX).withActivation(Activation.GELU_TANH)
                .withScaledEmbeddings();
    }

    @Override
    public ModelConfig readConfig(GgufFile file) {
        return new HyperparameterReader(file, name(), features()).build();
    }
}
