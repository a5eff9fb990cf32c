package dev.gannet.kernels.tensor;

/**
 * Chooses the scales of a K-quant super-block when quantizing.
 *
 * <p>This is not llama.cpp's reference (make_qkx2_quants, make_q3_quants, make_qx_quants search many
 * candidate scales for the least weighted error). It is a direct fit: each sub-block's scale, and
 * the super-block's float16 scales of those scales, are rounded <em>up</em>, so the quant grid always
 * covers the sub-block's values and no value is clipped; every weight then lands within half a
 * step of its value. Its error is a little above llama.cpp's; the files it writes are still exact
 * to their format, and any reader dequantizes them alike.
 */
final class KQuantFit {

    private KQuantFit() {
    }

    /**
     * Scales of a type whose weights are {@code step * q - offset} with q in {@code 0..nmax}
     * (Q2_K, Q4_K, Q5_K). Sub-block s has step {@code d * scales[s]} and offset {@code dmin * mins[s]},
     * computed in float exactly as the dequantizers compute them.
     */
    record Affine(float d, float dmin, int[] scales, int[] mins) {
        float step(int s) {
            return d * scales[s];
        }

        float offset(int s) {
            return dmin * mins[s];
        }

        /** The quant of {@code value} in sub-block s, rounded to nearest and kept in 0..nmax. */
        int quant(int s, float value, int nmax) {
            float step = step(s);
            return step == 0 ? 0 : clamp(Math.rint((value + offset(s)) / step), 0, nmax);
        }
    }

    /**
     * Scales of a type whose weights are {@code step * q} with q in {@code -nmax..nmax-1} (Q3_K, Q6_K).
     * Sub-block s has step {@code d * scales[s]}; scales are signed so that the grid's extra negative
     * level falls on whichever side of zero needs it.
     */
    record Symmetric(float d, int[] scales) {
        float step(int s) {
            return d * scales[s];
        }

        int quant(int s, float value, int nmax) {
            float step = step(s);
            return step == 0 ? 0 : clamp(Math.rint(value / step), -nmax, nmax - 1);
        }
    }

    /**
     * Fits {@code subBlocks} sub-blocks of {@code subSize} values at {@code values[offset..]}, for
     * quants 0..nmax and sub-block scales and mins 0..scaleMax.
     */
    static Affine affine(float[] values, int offset, int subBlocks, int subSize, int nmax, int scaleMax) {
        float[] high = new float[subBlocks];
        float[] below = new float[subBlocks]; // how far the sub-block reaches below zero, >= 0
        float maxBelow = 0;
        for (int s = 0; s < subBlocks; s++) {
            float lo = 0;
            float hi = -Float.MAX_VALUE;
            for (int i = offset + s * subSize; i < offset + (s + 1) * subSize; i++) {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
            }
            high[s] = hi;
            below[s] = -lo;
            maxBelow = Math.max(maxBelow, below[s]);
        }
        // Mins first, rounded up so that the grid starts at or below each sub-block's lowest value ...
        float dmin = float16AtLeast(maxBelow / scaleMax);
        int[] mins = new int[subBlocks];
        float[] span = new float[subBlocks];
        float maxSpan = 0;
        for (int s = 0; s < subBlocks; s++) {
            mins[s] = dmin > 0 ? Math.min(scaleMax, (int) Math.ceil(below[s] / dmin)) : 0;
            // ... then steps wide enough to reach the highest value from there.
            span[s] = Math.max(0, (high[s] + dmin * mins[s]) / nmax);
            maxSpan = Math.max(maxSpan, span[s]);
        }
        float d = float16AtLeast(maxSpan / scaleMax);
        int[] scales = new int[subBlocks];
        for (int s = 0; s < subBlocks; s++) {
            scales[s] = d > 0 ? Math.min(scaleMax, (int) Math.ceil(span[s] / d)) : 0;
        }
        return new Affine(d, dmin, scales, mins);
    }

    /**
     * Fits {@code subBlocks} sub-blocks of {@code subSize} values at {@code values[offset..]}, for
     * quants -nmax..nmax-1 and sub-block scales -scaleMax..scaleMax.
     */
    static Symmetric symmetric(float[] values, int offset, int subBlocks, int subSize, int nmax, int scaleMax) {
        float[] signed = new float[subBlocks];
        float maxStep = 0;
        for (int s = 0; s < subBlocks; s++) {
            float above = 0;
            float below = 0;
            for (int i = offset + s * subSize; i < offset + (s + 1) * subSize; i++) {
                above = Math.max(above, values[i]);
                below = Math.max(below, -values[i]);
            }
            // A positive step reaches nmax steps below zero and nmax - 1 above; a negative one the reverse.
            float positive = Math.max(below / nmax, above / (nmax - 1));
            float negative = Math.max(above / nmax, below / (nmax - 1));
            signed[s] = positive <= negative ? positive : -negative;
            maxStep = Math.max(maxStep, Math.abs(signed[s]));
        }
        float d = float16AtLeast(maxStep / scaleMax);
        int[] scales = new int[subBlocks];
        for (int s = 0; s < subBlocks; s++) {
            int magnitude = d > 0 ? Math.min(scaleMax, (int) Math.ceil(Math.abs(signed[s]) / d)) : 0;
            scales[s] = signed[s] < 0 ? -magnitude : magnitude;
        }
        return new Symmetric(d, scales);
    }

    /** The smallest float16 value at or above {@code value} (which is finite and not negative). */
    static float float16AtLeast(float value) {
        short bits = Float.floatToFloat16(value);
        if (Float.float16ToFloat(bits) < value) {
            bits++; // positive float16 values order like their bit patterns
        }
        float result = Float.float16ToFloat(bits);
        if (Float.isInfinite(result)) {
            throw new IllegalArgumentException("values this large need a super-block scale of " + value
                    + ", beyond what a float16 holds");
        }
        return result;
    }

    private static int clamp(double value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
