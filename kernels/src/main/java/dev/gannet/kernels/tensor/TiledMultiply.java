package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.VectorMath.F;
import static dev.gannet.kernels.tensor.VectorMath.LANES;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Register-tiled matrix × matrix, the prefill path for batches of {@link ActivationBatch#MIN_TOKENS}
 * tokens or more. Four weight rows at a time are decoded, a chunk of {@link #CHUNK} columns at a
 * time, into the thread's scratch buffer (once for the whole batch); then a 4 × 4 micro-kernel
 * multiplies them with each group of four tokens of the {@link ActivationBatch}: per column run,
 * four weight loads and four activation loads feed sixteen FMAs into sixteen vector accumulators,
 * which are reduced once per chunk. A remainder of one to three rows goes through a 1 × 4 kernel.
 */
final class TiledMultiply {
    /** Rows decoded together: the tile's height. */
    static final int ROWS = 4;
    /** Columns per chunk: a multiple of 256 (whole K-quant blocks) and of any vector length. */
    static final int CHUNK = 1024;

    private TiledMultiply() {
    }

    static void multiply(WeightDecoder decoder, MemorySegment data, long matrixStart, int cols, int rowFrom, int rowTo,
                         ActivationBatch x, float[] out, int outStride, int outOffset, float[] scratch) {
        int tokens = x.tokens();
        if (x.cols() != cols) {
            throw new IllegalArgumentException("the batch has " + x.cols() + " columns, the matrix " + cols);
        }
        if (rowFrom < 0 || rowTo < rowFrom) {
            throw new IllegalArgumentException("bad multiply range: rows " + rowFrom + ".." + rowTo);
        }
        if (scratch.length < ROWS * CHUNK) {
            throw new IllegalArgumentException("scratch needs " + ROWS * CHUNK + " floats");
        }
        if (tokens == 0 || rowTo == rowFrom) {
            return;
        }
        KernelArgs.checkArray("out", out, (tokens - 1) * outStride + outOffset + rowFrom, rowTo - rowFrom);
        for (int t = 0; t < tokens; t++) {
            java.util.Arrays.fill(out, t * outStride + outOffset + rowFrom, t * outStride + outOffset + rowTo, 0f);
        }
        int groups = (tokens + ActivationBatch.GROUP - 1) / ActivationBatch.GROUP;
        float[] a = x.data();
        int r = rowFrom;
        for (; r < rowTo; r += ROWS) {
            int rows = Math.min(ROWS, rowTo - r);
            for (int c = 0; c < cols; c += CHUNK) {
                int length = Math.min(CHUNK, cols - c);
                int vectors = (length + LANES - 1) / LANES;
                for (int i = 0; i < rows; i++) {
                    decoder.decodeWeights(data, matrixStart + (long) (r + i) * cols + c, scratch, i * CHUNK, length);
                    java.util.Arrays.fill(scratch, i * CHUNK + length, i * CHUNK + vectors * LANES, 0f);
                }
                for (int g = 0; g < groups; g++) {
                    int first = g * ActivationBatch.GROUP;
                    int valid = Math.min(ActivationBatch.GROUP, tokens - first);
                    int outIndex = first * outStride + outOffset + r;
                    if (rows == ROWS) {
                        tile4x4(scratch, a, x.index(g, c), vectors, out, outIndex, outStride, valid);
                    } else {
                        for (int i = 0; i < rows; i++) {
                            tile1x4(scratch, i * CHUNK, a, x.index(g, c), vectors, out, outIndex + i, outStride, valid);
                        }
                    }
                }
            }
        }
    }

    /**
     * out[outIndex + t * outStride + i] += w_i · x_t for the four decoded rows w_i (CHUNK apart in
     * {@code w}) and the group's tokens t &lt; valid, over {@code vectors} column runs.
     */
    private static void tile4x4(float[] w, float[] a, int aIndex, int vectors, float[] out, int outIndex,
                                int outStride, int valid) {
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F), c02 = FloatVector.zero(F), c03 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F), c12 = FloatVector.zero(F), c13 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F), c22 = FloatVector.zero(F), c23 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F), c32 = FloatVector.zero(F), c33 = FloatVector.zero(F);
        int ai = aIndex;
        for (int k = 0, wi = 0; k < vectors; k++, wi += LANES, ai += ActivationBatch.GROUP * LANES) {
            FloatVector x0 = FloatVector.fromArray(F, a, ai);
            FloatVector x1 = FloatVector.fromArray(F, a, ai + LANES);
            FloatVector x2 = FloatVector.fromArray(F, a, ai + 2 * LANES);
            FloatVector x3 = FloatVector.fromArray(F, a, ai + 3 * LANES);
            FloatVector w0 = FloatVector.fromArray(F, w, wi);
            c00 = w0.fma(x0, c00);
            c01 = w0.fma(x1, c01);
            c02 = w0.fma(x2, c02);
            c03 = w0.fma(x3, c03);
            FloatVector w1 = FloatVector.fromArray(F, w, CHUNK + wi);
            c10 = w1.fma(x0, c10);
            c11 = w1.fma(x1, c11);
            c12 = w1.fma(x2, c12);
            c13 = w1.fma(x3, c13);
            FloatVector w2 = FloatVector.fromArray(F, w, 2 * CHUNK + wi);
            c20 = w2.fma(x0, c20);
            c21 = w2.fma(x1, c21);
            c22 = w2.fma(x2, c22);
            c23 = w2.fma(x3, c23);
            FloatVector w3 = FloatVector.fromArray(F, w, 3 * CHUNK + wi);
            c30 = w3.fma(x0, c30);
            c31 = w3.fma(x1, c31);
            c32 = w3.fma(x2, c32);
            c33 = w3.fma(x3, c33);
        }
        add(out, outIndex, c00, c10, c20, c30);
        if (valid > 1) {
            add(out, outIndex + outStride, c01, c11, c21, c31);
        }
        if (valid > 2) {
            add(out, outIndex + 2 * outStride, c02, c12, c22, c32);
        }
        if (valid > 3) {
            add(out, outIndex + 3 * outStride, c03, c13, c23, c33);
        }
    }

    /** One token's sums for the four rows: out[at + i] += Σ lanes of r_i. */
    private static void add(float[] out, int at, FloatVector r0, FloatVector r1, FloatVector r2, FloatVector r3) {
        out[at] += r0.reduceLanes(VectorOperators.ADD);
        out[at + 1] += r1.reduceLanes(VectorOperators.ADD);
        out[at + 2] += r2.reduceLanes(VectorOperators.ADD);
        out[at + 3] += r3.reduceLanes(VectorOperators.ADD);
    }

    /** {@link #tile4x4} for the one decoded row at {@code w[wIndex ..]}. */
    private static void tile1x4(float[] w, int wIndex, float[] a, int aIndex, int vectors, float[] out, int outIndex,
                                int outStride, int valid) {
        FloatVector c0 = FloatVector.zero(F), c1 = FloatVector.zero(F), c2 = FloatVector.zero(F), c3 = FloatVector.zero(F);
        int ai = aIndex;
        for (int k = 0, wi = wIndex; k < vectors; k++, wi += LANES, ai += ActivationBatch.GROUP * LANES) {
            FloatVector w0 = FloatVector.fromArray(F, w, wi);
            c0 = w0.fma(FloatVector.fromArray(F, a, ai), c0);
            c1 = w0.fma(FloatVector.fromArray(F, a, ai + LANES), c1);
            c2 = w0.fma(FloatVector.fromArray(F, a, ai + 2 * LANES), c2);
            c3 = w0.fma(FloatVector.fromArray(F, a, ai + 3 * LANES), c3);
        }
        out[outIndex] += c0.reduceLanes(VectorOperators.ADD);
        if (valid > 1) {
            out[outIndex + outStride] += c1.reduceLanes(VectorOperators.ADD);
        }
        if (valid > 2) {
            out[outIndex + 2 * outStride] += c2.reduceLanes(VectorOperators.ADD);
        }
        if (valid > 3) {
            out[outIndex + 3 * outStride] += c3.reduceLanes(VectorOperators.ADD);
        }
    }

}
