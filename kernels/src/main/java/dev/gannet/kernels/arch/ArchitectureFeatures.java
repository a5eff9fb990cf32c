package dev.gannet.kernels.arch;

/**
 * The structural choices that tell the architectures apart, so that one forward pass serves them
 * all (llama.cpp keeps the same facts in its per-architecture graph builders).
 *
 * @param ropeStyle        how RoPE pairs dimensions
 * @param activation       the gate activation of the feed-forward block
 * @param attentionBias    Q, K and V projections have biases (Qwen2)
 * @param queryKeyNorm     each head of Q and K is RMS-normalised before RoPE (Qwen3, Gemma 3)
 * @param postNorms        attention and FFN outputs are RMS-normalised before the residual add (Gemma 3)
 * @param fusedQkv         Q, K and V are one tensor {@code attn_qkv}, in that order (Phi-3)
 * @param fusedGateUp      gate and up are one tensor {@code ffn_up}, gate first (Phi-3)
 * @param scaleEmbeddings  token embeddings are multiplied by sqrt(n_embd) (Gemma)
 */
public record ArchitectureFeatures(
        RopeStyle ropeStyle,
        Activation activation,
        boolean attentionBias,
        boolean queryKeyNorm,
        boolean postNorms,
        boolean fusedQkv,
        boolean fusedGateUp,
        boolean scaleEmbeddings) {

    /** Llama's choices, the base the others change. */
    public static ArchitectureFeatures llama() {
        return new ArchitectureFeatures(RopeStyle.NORMAL, Activation.SILU, false, false, false, false, false, false);
    }

    public ArchitectureFeatures withRopeStyle(RopeStyle style) {
        return new ArchitectureFeatures(style, activation, attentionBias, queryKeyNorm, postNorms, fusedQkv, fusedGateUp, scaleEmbeddings);
    }

    public ArchitectureFeatures withActivation(Activation act) {
        return new ArchitectureFeatures(ropeStyle, act, attentionBias, queryKeyNorm, postNorms, fusedQkv, fusedGateUp, scaleEmbeddings);
    }

    public ArchitectureFeatures withAttentionBias() {
        return new ArchitectureFeatures(ropeStyle, activation, true, queryKeyNorm, postNorms, fusedQkv, fusedGateUp, scaleEmbeddings);
    }

    public ArchitectureFeatures withQueryKeyNorm() {
        return new ArchitectureFeatures(ropeStyle, activation, attentionBias, true, postNorms, fusedQkv, fusedGateUp, scaleEmbeddings);
    }

    public ArchitectureFeatures withPostNorms() {
        return new ArchitectureFeatures(ropeStyle, activation, attentionBias, queryKeyNorm, true, fusedQkv, fusedGateUp, scaleEmbeddings);
    }

    public ArchitectureFeatures withFusedProjections() {
        return new ArchitectureFeatures(ropeStyle, activation, attentionBias, queryKeyNorm, postNorms, true, true, scaleEmbeddings);
    }

    public ArchitectureFeatures withScaledEmbeddings() {
        return new ArchitectureFeatures(ropeStyle, activation, attentionBias, queryKeyNorm, postNorms, fusedQkv, fusedGateUp, true);
    }
}
