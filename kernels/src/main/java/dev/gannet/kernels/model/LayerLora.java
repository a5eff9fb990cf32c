package dev.gannet.kernels.model;

import dev.gannet.kernels.lora.LoraDelta;

/**
 * The adapter updates of one transformer block, one per projection of {@link LayerWeights}; null
 * where no attached adapter touches that weight. Shapes are those of the weights they update.
 *
 * @param wq    [heads * headDim][dim]
 * @param wk    [kvHeads * headDim][dim]
 * @param wv    [kvHeads * headDim][dim]
 * @param wo    [dim][heads * headDim]
 * @param wGate [hiddenDim][dim]
 * @param wUp   [hiddenDim][dim]
 * @param wDown [dim][hiddenDim]
 */
record LayerLora(LoraDelta wq, LoraDelta wk, LoraDelta wv, LoraDelta wo, LoraDelta wGate, LoraDelta wUp,
                 LoraDelta wDown) {
}
