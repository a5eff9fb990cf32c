package dev.gannet.kernels.model;

/**
 * The weights of one transformer block. Fields an architecture does not have are null; which ones
 * exist is fixed by its {@link dev.gannet.kernels.arch.ArchitectureFeatures}, so the forward pass
 * checks the feature, never the field.
 *
 * @param attnNorm     [dim]
 * @param wq           [heads * headDim][dim]
 * @param wk           [kvHeads * headDim][dim]
 * @param wv           [kvHeads * headDim][dim]
 * @param bq           [heads * headDim], attention biases only
 * @param bk           [kvHeads * headDim], attention biases only
 * @param bv           [kvHeads * headDim], attention biases only
 * @param qNorm        [headDim], QK-norm only
 * @param kNorm        [headDim], QK-norm only
 * @param wo           [dim][heads * headDim]
 * @param attnPostNorm [dim], post-norms only
 * @param ffnNorm      [dim]
 * @param wGate        [hiddenDim][dim]
 * @param wUp          [hiddenDim][dim]
 * @param wDown        [dim][hiddenDim]
 * @param ffnPostNorm  [dim], post-norms only
 */
public record LayerWeights(
        float[] attnNorm,
        WeightMatrix wq,
        WeightMatrix wk,
        WeightMatrix wv,
        float[] bq,
        float[] bk,
        float[] bv,
        float[] qNorm,
        float[] kNorm,
        WeightMatrix wo,
        float[] attnPostNorm,
        float[] ffnNorm,
        WeightMatrix wGate,
        WeightMatrix wUp,
        WeightMatrix wDown,
        float[] ffnPostNorm) {
}
