package dev.gannet.kernels.arch;

/**
 * The hyperparameters of a model, every one read from GGUF metadata (or from tensor shapes), plus
 * the sizes derived from them.
 *
 * @param architecture      {@code general.architecture}
 * @param dim               embedding width (n_embd)
 * @param hiddenDim         feed-forward width (n_ff)
 * @param layers            transformer blocks
 * @param heads             query heads
 * @param kvHeads           key/value heads (grouped-query attention when fewer than heads)
 * @param headDim           width of one head (key_length; value_length must match)
 * @param vocabularySize    rows of the token embedding
 * @param contextLength     the context the model was trained for
 * @param rmsEps            RMSNorm epsilon
 * @param rope              rotary embedding parameters
 * @param attentionScale    multiplier of q·k before softmax (usually 1/sqrt(headDim))
 * @param attnSoftcap       tanh soft-cap of attention scores, 0 for none
 * @param finalSoftcap      tanh soft-cap of the output logits, 0 for none
 * @param slidingWindow     window of sliding-window layers, 0 for none
 * @param slidingLayers     per layer: whether it attends only within the window
 * @param features          the structural choices of the architecture
 */
public record ModelConfig(
        String architecture,
        int dim,
        int hiddenDim,
        int layers,
        int heads,
        int kvHeads,
        int headDim,
        int vocabularySize,
        int contextLength,
        float rmsEps,
        RopeConfig rope,
        float attentionScale,
        float attnSoftcap,
        float finalSoftcap,
        int slidingWindow,
        boolean[] slidingLayers,
        ArchitectureFeatures features) {

    public ModelConfig {
        slidingLayers = slidingLayers.clone();
    }

    /** Width of all query heads together. */
    public int queryDim() {
        return heads * headDim;
    }

    /** Width of all key (or value) heads together. */
    public int kvDim() {
        return kvHeads * headDim;
    }

    /** Query heads sharing one key/value head. */
    public int kvMul() {
        return heads / kvHeads;
    }

    public boolean isSliding(int layer) {
        return slidingLayers[layer];
    }

    @Override
    public boolean[] slidingLayers() {
        return slidingLayers.clone();
    }
}
