package dev.gannet.kernels.model;

/**
 * All weights of a model; matrices stay in the mapped file, vectors are small float arrays.
 *
 * @param tokenEmbedding   [vocab][dim]
 * @param layers           [layers]
 * @param outputNorm       [dim]
 * @param output           [vocab][dim]; the embedding itself when the model ties them
 * @param ropeFrequencyFactors [ropeDims / 2] divisors of the RoPE frequencies (Llama 3.1), or null
 */
public record Weights(
        WeightMatrix tokenEmbedding,
        LayerWeights[] layers,
        float[] outputNorm,
        WeightMatrix output,
        float[] ropeFrequencyFactors) {
}
