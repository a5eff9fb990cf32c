package dev.gannet.kernels.tensor;

import jdk.incubator.vector.FloatVector;

/**
 * RMSNorm of one row, {@code x / sqrt(mean(x²) + eps) * weight}, in the one arithmetic every caller
 * shares: the forward pass's own norms, and the projections that normalise their input while packing
 * it ({@link ActivationBatch#packNormalized}) so that fused and unfused paths give the same floats.
 *
 * <p>The sum of squares is a scalar double sum in index order; the scale is computed in float as
 * {@code 1 / sqrt((float) (sum / width) + eps)}; each output is {@code (x · scale) · weight}, two
 * float products, so the vector and the scalar loops round alike.
 */
public final class RmsNorm {
    private RmsNorm() {
    }

    /** The factor 1 / sqrt(mean(x²) + eps) of {@code x[offset, offset + width)}. */
    public static float scale(float[] x, int offset, int width, float eps) {
        double sumSquares = 0;
        for (int i = 0; i < width; i++) {
            sumSquares += (double) x[offset + i] * x[offset + i];
        }
        return (float) (1.0 / Math.sqrt((float) (sumSquares / width) + eps));
    }

    /** out[outOffset + i] = x[xOffset + i] · scale · weight[weightOffset + i] for i &lt; width; out may be x. */
    public static void apply(float[] out, int outOffset, float[] x, int xOffset, float[] weight, int weightOffset,
                             float scale, int width) {
        int lanes = VectorMath.LANES;
        int i = 0;
        for (; i + lanes <= width; i += lanes) {
            FloatVector.fromArray(VectorMath.F, x, xOffset + i).mul(scale)
                    .mul(FloatVector.fromArray(VectorMath.F, weight, weightOffset + i))
                    .intoArray(out, outOffset + i);
        }
        for (; i < width; i++) {
            out[outOffset + i] = x[xOffset + i] * scale * weight[weightOffset + i];
        }
    }

    /** RMSNorm of {@code rows} rows of {@code width}, row r from x[xOffset + r·width] to out[outOffset + r·width]. */
    public static void rows(float[] out, int outOffset, float[] x, int xOffset, float[] weight, float eps,
                            int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int in = xOffset + r * width;
            apply(out, outOffset + r * width, x, in, weight, 0, scale(x, in, width, eps), width);
        }
    }
}
