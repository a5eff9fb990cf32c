package dev.gannet.kernels.arch.phi3;

import dev.gannet.kernels.arch.Architecture;
import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.HyperparameterReader;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeStyle;
import dev.gannet.kernels.gguf.GgufFile;

/**
 * {@code phi3}: Phi-3 and Phi-3.5 (and Phi-4, which GGUF also labels phi3). Q, K and V fused into
 * one {@code attn_qkv} tensor, gate and up fused into {@code ffn_up} (gate first), NeoX RoPE.
 */
public final class Phi3Architecture implements Architecture {
    @Override
    public String name() {
        return "phi3";
    }

    @Override
    public ArchitectureFeatures features() {
        return ArchitectureFeatures.llama().withRopeStyle(RopeStyle.NEOX).withFusedProjections();
    }

    @Override
    public ModelConfig readConfig(GgufFile file) {
        return new HyperparameterReader(file, name(), features()).build();
    }
}
