package dev.gannet.kernels.arch.qwen2;

import dev.gannet.kernels.arch.Architecture;
import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.HyperparameterReader;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeStyle;
import dev.gannet.kernels.gguf.GgufFile;

/**
 * {@code qwen2}: Qwen2 and Qwen2.5 (Coder too), DeepSeek-R1-Distill-Qwen. Llama's block with biases
 * on the Q, K and V projections and NeoX-style RoPE (base 1e6 in the released models).
 */
public final class Qwen2Architecture implements Architecture {
    @Override
    public String name() {
        return "qwen2";
    }

    @Override
    public ArchitectureFeatures features() {
        return ArchitectureFeatures.llama().withRopeStyle(RopeStyle.NEOX).withAttentionBias();
    }

    @Override
    public ModelConfig readConfig(GgufFile file) {
        return new HyperparameterReader(file, name(), features()).build();
    }
}
