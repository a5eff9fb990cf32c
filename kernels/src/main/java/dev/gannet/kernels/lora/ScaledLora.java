package dev.gannet.kernels.lora;

/**
 * An adapter with the strength the user asked for ({@code --lora-scale}, 1 by default).
 */
public record ScaledLora(LoraAdapter adapter, float scale) {
    /**
     * The factor B · A is multiplied by for one of this adapter's pairs, as llama.cpp computes it:
     * scale × alpha / rank, or the bare scale when the adapter records no alpha (alpha 0).
     */
    public float factorFor(LoraPair pair) {
        float alpha = adapter.alpha();
        return alpha == 0 ? scale : scale * alpha / pair.rank();
    }
}
