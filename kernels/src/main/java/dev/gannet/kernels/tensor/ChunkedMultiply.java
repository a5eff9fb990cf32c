package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * Tiled matrix × matrix for small batches (a few tokens; larger ones take {@link TiledMultiply}):
 * four rows at a time are dequantized, a chunk of columns at a time, into the thread's scratch
 * buffer (4 KiB of it, inside L1), and every token of the batch is multiplied with the four rows
 * at once — each activation vector loaded once per four rows, each weight decoded once per batch.
 * The weights are decoded by the layout's {@link WeightDecoder}: a type's vector decoder where it
 * has one, else its scalar dequantize, or a repacked layout's own ({@link Int8Matrix}).
 */
final class ChunkedMultiply {
    /** Rows decoded together. */
    static final int ROWS = 4;
    /** Columns per chunk: a multiple of 256 whose ROWS × CHUNK floats fit the scratch buffer. */
    static final int CHUNK = 256;

    private ChunkedMultiply() {
    }

    static void multiply(WeightDecoder decoder, MemorySegment data, long matrixStart, int cols, int rowFrom, int rowTo,
                         float[] x, int xStride, int tokens, float[] out, int outStride, int outOffset, float[] scratch) {
        VectorMath.checkMultiply(cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset);
        if (scratch.length < TensorKernel.SCRATCH_FLOATS) {
            throw new IllegalArgumentException("scratch needs " + TensorKernel.SCRATCH_FLOATS + " floats");
        }
        for (int t = 0; t < tokens; t++) {
            java.util.Arrays.fill(out, t * outStride + outOffset + rowFrom, t * outStride + outOffset + rowTo, 0f);
        }
        // Chunks must hold whole blocks; K-quant blocks are 256, CHUNK is a multiple of it.
        int r = rowFrom;
        for (; r + ROWS <= rowTo; r += ROWS) {
            for (int c = 0; c < cols; c += CHUNK) {
                int length = Math.min(CHUNK, cols - c);
                for (int i = 0; i < ROWS; i++) {
                    decoder.decodeWeights(data, matrixStart + (long) (r + i) * cols + c, scratch, i * CHUNK, length);
                }
                for (int t = 0; t < tokens; t++) {
                    VectorMath.dot4(scratch, CHUNK, x, t * xStride + c, length, out, t * outStride + outOffset + r);
                }
            }
        }
        for (; r < rowTo; r++) {
            for (int c = 0; c < cols; c += CHUNK) {
                int length = Math.min(CHUNK, cols - c);
                decoder.decodeWeights(data, matrixStart + (long) r * cols + c, scratch, 0, length);
                for (int t = 0; t < tokens; t++) {
                    out[t * outStride + outOffset + r] += VectorMath.dot(scratch, 0, x, t * xStride + c, length);
                }
            }
        }
    }

}
