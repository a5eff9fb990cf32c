package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * The matrix multiply every type has: each row is dequantized a chunk at a time into the thread's
 * scratch buffer, and the chunk is dotted (vectorized) with every token of the batch, so a
 * weight is decoded once per batch rather than once per token. Types with a fused kernel decode in
 * registers instead; this path covers the rest and is their fallback on narrow-vector machines.
 */
final class ChunkedMultiply {
    private ChunkedMultiply() {
    }

    static void multiply(TensorKernel kernel, MemorySegment data, long matrixStart, int cols, int rowFrom, int rowTo,
                         float[] x, int xStride, int tokens, float[] out, int outStride, int outOffset, float[] scratch) {
        VectorMath.checkMultiply(cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset);
        if (scratch.length < TensorKernel.SCRATCH_FLOATS) {
            throw new IllegalArgumentException("scratch needs " + TensorKernel.SCRATCH_FLOATS + " floats");
        }
        int chunk = TensorKernel.SCRATCH_FLOATS;
        for (int r = rowFrom; r < rowTo; r++) {
            long rowStart = matrixStart + (long) r * cols;
            for (int t = 0; t < tokens; t++) {
                out[t * outStride + outOffset + r] = 0f;
            }
            for (int c = 0; c < cols; c += chunk) {
                int length = Math.min(chunk, cols - c);
                kernel.dequantize(data, rowStart + c, scratch, 0, length);
                for (int t = 0; t < tokens; t++) {
                    out[t * outStride + outOffset + r] += VectorMath.dot(scratch, 0, x, t * xStride + c, length);
                }
            }
        }
    }
}
