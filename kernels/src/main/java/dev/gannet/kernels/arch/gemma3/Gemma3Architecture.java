package dev.gannet.kernels.arch.gemma3;

import dev.gannet.kernels.arch.Activation;
import dev.gannet.kernels.arch.Architecture;
import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.HyperparameterReader;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeStyle;
import dev.gannet.kernels.gguf.GgufFile;

/**
 * {@code gemma3}: Gemma 3 text models. Gemma's block plus QK-norm, norms after attention and after
 * the FFN, and interleaved attention: five sliding-window layers (RoPE base 10 000) then one global
 * layer (RoPE base {@code rope.freq_base}, 1e6 in the releases), repeating.
 */
public final class Gemma3Architecture implements Architecture {
    /** Every sixth layer attends globally; the rest within the window (as Gemma 3 was trained). */
    private static final int GLOBAL_LAYER_PERIOD = 6;
    /** Sliding-window layers were trained with the original RoPE base; GGUF does not store it. */
    private static final float LOCAL_ROPE_BASE = 10_000f;
    /** The 27B model, alone, scales queries by 1/sqrt(n_embd / n_head) instead of 1/sqrt(head_dim). */
    private static final int LAYERS_OF_27B = 62;

    @Override
    public String name() {
        return "gemma3";
    }

    @Override
    public ArchitectureFeatures features() {
        return ArchitectureFeatures.llama().withRopeStyle(RopeStyle.NEOX).withActivation(Activation.GELU_TANH)
                .withScaledEmbeddings().withQueryKeyNorm().withPostNorms();
    }

    @Override
    public ModelConfig readConfig(GgufFile file) {
        HyperparameterReader reader = new HyperparameterReader(file, name(), features());
        boolean[] sliding = new boolean[reader.layers()];
        for (int layer = 0; layer < sliding.length; layer++) {
            sliding[layer] = layer % GLOBAL_LAYER_PERIOD < GLOBAL_LAYER_PERIOD - 1;
        }
        int window = reader.metadata().getInt(reader.key("attention.sliding_window"));
        // Local layers keep the trained base and no position scaling; linear scaling applies to global ones.
        reader.slidingWindow(window, sliding).localRope(LOCAL_ROPE_BASE, 1.0f);
        if (reader.layers() == LAYERS_OF_27B) {
            reader.attentionScale((float) (1.0 / Math.sqrt((double) reader.dim() / reader.heads())));
        }
        return reader.build();
    }
}
