package dev.gannet.kernels.arch.qwen3;

import dev.gannet.kernels.arch.Architecture;
import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.HyperparameterReader;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeStyle;
import dev.gannet.kernels.gguf.GgufFile;

/**
 * {@code qwen3}: Qwen3 dense models. No projection biases; instead each head of Q and K is
 * RMS-normalised (QK-norm) before NeoX RoPE. The head width comes from {@code attention.key_length}
 * and need not be n_embd / n_head.
 */
public final class Qwen3Architecture implements Architecture {
    @Override
    public String name() {
        return "qwen3";
    }

    @Override
    public ArchitectureFeatures features() {
        return ArchitectureFeatures.llama().withRopeStyle(RopeStyle.NEOX).withQueryKeyNorm();
    }

    @Override
    public ModelConfig readConfig(GgufFile file) {
        return new HyperparameterReader(file, name(), features()).build();
    }
}
