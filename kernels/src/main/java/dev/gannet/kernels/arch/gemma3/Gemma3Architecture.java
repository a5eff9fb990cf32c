package dev.gannet.kernels.arch.gemma3;

import dev.gannet.kernels.arch.Activation;
import dev.gannet.kernels.arch.Architecture;
import dev.gannet.kernels.arch.ArchitectureFeatures;
import dev.gannet.kernels.arch.HyperparameterReader;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.arch.RopeStyle;
import dev.gannet.kernels.gguf.GgufArray;
import dev.gannet.kernels.gguf.GgufFile;

/**
 * {@code gemma3}: Gemma 3 text models. Gemma's block plus QK-norm, norms after attention and after
 * the FFN, and interleaved attention: by default five sliding-window layers (RoPE base
 * {@code rope.freq_base_swa}, 10 000 when absent) then one global layer (RoPE base
 * {@code rope.freq_base}, 1e6 in the releases), repeating. {@code attention.sliding_window_pattern},
 * when present, sets the period or the per-layer pattern instead. A query sees the window's last
 * {@code sliding_window} positions, itself included.
 */
public final class Gemma3Architecture implements Architecture {
    /** Unless the file says otherwise, every sixth layer attends globally, the rest within the window. */
    private static final int DEFAULT_GLOBAL_LAYER_PERIOD = 6;
    /** Sliding-window layers were trained with the original RoPE base, which older GGUFs do not store. */
    private static final float DEFAULT_LOCAL_ROPE_BASE = 10_000f;
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
        boolean[] sliding = slidingPattern(reader);
        int window = reader.metadata().getInt(reader.key("attention.sliding_window"));
        float localBase = (float) reader.metadata().findDouble(reader.key("rope.freq_base_swa"))
                .orElse(DEFAULT_LOCAL_ROPE_BASE);
        // Local layers keep the trained base and no position scaling; linear scaling applies to global ones.
        reader.slidingWindow(window, sliding).localRope(localBase, 1.0f);
        if (reader.layers() == LAYERS_OF_27B) {
            reader.attentionScale((float) (1.0 / Math.sqrt((double) reader.dim() / reader.heads())));
        }
        return reader.build();
    }

    /** Which layers use the window: a period (every n-th layer global) or one flag per layer. */
    private static boolean[] slidingPattern(HyperparameterReader reader) {
        String key = reader.key("attention.sliding_window_pattern");
        boolean[] sliding = new boolean[reader.layers()];
        Object pattern = reader.metadata().find(key).orElse(null);
        if (pattern instanceof GgufArray array && array.values() instanceof boolean[] flags) {
            if (flags.length != sliding.length) {
                throw reader.invalid(key + " has " + flags.length + " entries for " + sliding.length + " layers");
            }
            return flags.clone();
        }
        int period = pattern == null ? DEFAULT_GLOBAL_LAYER_PERIOD : reader.metadata().getInt(key);
        if (period < 0) {
            throw reader.invalid(key + " = " + period + " is negative");
        }
        for (int layer = 0; layer < sliding.length; layer++) {
            // Period 0 means every layer slides.
            sliding[layer] = period == 0 || layer % period < period - 1;
        }
        return sliding;
    }
}
