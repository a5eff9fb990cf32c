package dev.gannet.kernels.arch;

/**
 * Rotary position embedding parameters.
 *
 * @param style          pairing of dimensions
 * @param dimensions     how many leading dimensions of each head rotate (the rest pass through)
 * @param base           frequency base of global-attention layers
 * @param localBase      frequency base of sliding-window layers (Gemma 3 trains them with 10 000)
 * @param positionScale  positions are multiplied by this on global layers (linear scaling: 1 / factor)
 * @param localPositionScale the same for sliding-window layers (Gemma 3 scales only its global layers)
 */
public record RopeConfig(RopeStyle style, int dimensions, float base, float localBase, float positionScale,
                         float localPositionScale) {

    public float base(boolean slidingLayer) {
        return slidingLayer ? localBase : base;
    }

    public float positionScale(boolean slidingLayer) {
        return slidingLayer ? localPositionScale : positionScale;
    }
}
