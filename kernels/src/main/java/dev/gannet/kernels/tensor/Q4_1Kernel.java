package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.putF16;
import static dev.gannet.kernels.tensor.LittleEndian.putU8;
import static dev.gannet.kernels.tensor.LittleEndian.u8;

import static dev.gannet.kernels.tensor.VectorMath.F;
import static dev.gannet.kernels.tensor.VectorMath.LANES;
import static dev.gannet.kernels.tensor.VectorMath.broadcast;
import static dev.gannet.kernels.tensor.VectorMath.load;
import static dev.gannet.kernels.tensor.VectorMath.toFloats;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import java.lang.foreign.MemorySegment;

/**
 * Q4_1: blocks of 32 weights, each a 4-bit quant times the block's scale plus the block's minimum.
 *
 * <pre>
 * bytes   field
 * 0..1    d        float16 scale
 * 2..3    m        float16 minimum
 * 4..19   qs[16]   byte j: weight j in the low nibble, weight j + 16 in the high nibble;
 *                  weight = nibble * d + m
 * </pre>
 */
final class Q4_1Kernel extends FusedBlockKernel {
    private static final int HALF = 16;
    private static final int D = 0;
    private static final int M = 2;
    private static final int QS = 4;
    private static final int BLOCK_BYTES = 20;

    Q4_1Kernel() {
        super(GgmlType.Q4_1);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        float m = f16(data, block + M);
        for (int j = 0; j < HALF; j++) {
            int q = u8(data, block + QS + j);
            out[outOffset + j] = (q & 0xF) * d + m;
            out[outOffset + j + HALF] = (q >> 4) * d + m;
        }
    }

    @Override
    float dotBlock(MemorySegment data, long block, float[] x, int xOffset) {
        float d = f16(data, block + D);
        float m = f16(data, block + M);
        float sum = 0;
        for (int j = 0; j < HALF; j++) {
            int q = u8(data, block + QS + j);
            sum += ((q & 0xF) * d + m) * x[xOffset + j];
            sum += ((q >> 4) * d + m) * x[xOffset + j + HALF];
        }
        return sum;
    }

    /** llama.cpp's quantize_row_q4_1_ref: d = (max - min) / 15, quants (v - min) / d + 0.5 truncated. */
    @Override
    void quantizeBlock(float[] values, int valuesOffset, MemorySegment data, long block) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int j = 0; j < 2 * HALF; j++) {
            float v = values[valuesOffset + j];
            // Comparisons, not Math.min: a -0.0 must not replace a 0.0 minimum, or m's sign bit differs from llama.cpp's.
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        float d = (max - min) / 15;
        float id = d != 0 ? 1 / d : 0;
        putF16(data, block + D, d);
        putF16(data, block + M, min);
        for (int j = 0; j < HALF; j++) {
            int q0 = Math.min(15, (int) ((values[valuesOffset + j] - min) * id + 0.5f));
            int q1 = Math.min(15, (int) ((values[valuesOffset + j + HALF] - min) * id + 0.5f));
            putU8(data, block + QS + j, q0 | q1 << 4);
        }
    }

    // Fast path. A block's dot with x is d·Σ nibble·x + m·Σ x: the nibbles are widened to ints and
    // converted to floats in registers; both sums stay vectors until the row ends.
    @Override
    void decodeRows(MemorySegment data, long matrixByte, long rowBytes, int cols, int rowFrom, int rowTo, float[] x,
                    int xStride, int tokens, float[] out, int outStride, int outOffset, float[] sums, int blocks) {
        rowLoop(this, data, matrixByte, rowBytes, cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset,
                sums, blocks);
    }

    @Override
    float dotRow(MemorySegment data, long row, int cols, float[] x, int xOffset) {
        FloatVector acc = FloatVector.zero(F);
        long block = row;
        for (int i = 0; i < cols; i += 2 * HALF, block += BLOCK_BYTES) {
            FloatVector quantDot = FloatVector.zero(F);
            FloatVector xSum = FloatVector.zero(F);
            for (int c = 0; c < HALF; c += LANES) {
                IntVector q = VectorMath.unsignedBytes(data, block + QS + c);
                FloatVector low = toFloats(q.and(0xF));
                FloatVector high = toFloats(q.lanewise(VectorOperators.LSHR, 4));
                FloatVector xLow = load(x, xOffset + i + c);
                FloatVector xHigh = load(x, xOffset + i + HALF + c);
                quantDot = low.fma(xLow, high.fma(xHigh, quantDot));
                xSum = xSum.add(xLow.add(xHigh));
            }
            acc = quantDot.fma(broadcast(f16(data, block + D)), acc);
            acc = xSum.fma(broadcast(f16(data, block + M)), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    @Override
    boolean needsBlockSums() {
        return true;
    }

    // As dotRow, with m·Σx taken from the per-block sums: one scalar FMA per block instead of two
    // vector adds, a broadcast and a vector FMA.
    @Override
    float dotRowWithSums(MemorySegment data, long row, int cols, float[] x, int xOffset, float[] sums, int sumsOffset) {
        FloatVector acc = FloatVector.zero(F);
        float offsets = 0;
        long block = row;
        for (int i = 0, b = sumsOffset; i < cols; i += 2 * HALF, block += BLOCK_BYTES, b++) {
            FloatVector quantDot = FloatVector.zero(F);
            for (int c = 0; c < HALF; c += LANES) {
                IntVector q = VectorMath.unsignedBytes(data, block + QS + c);
                quantDot = toFloats(q.and(0xF)).fma(load(x, xOffset + i + c),
                        toFloats(q.lanewise(VectorOperators.LSHR, 4)).fma(load(x, xOffset + i + HALF + c), quantDot));
            }
            acc = quantDot.fma(broadcast(f16(data, block + D)), acc);
            offsets += f16(data, block + M) * sums[b];
        }
        return acc.reduceLanes(VectorOperators.ADD) + offsets;
    }

    @Override
    boolean decodesRowPairs() {
        return true;
    }

    // Two rows at once: each x vector loaded once for both, and two independent chains.
    @Override
    void dotTwoRows(MemorySegment data, long rowA, long rowB, int cols, float[] x, float[] sums, float[] out, int at) {
        if (sums == null) {
            super.dotTwoRows(data, rowA, rowB, cols, x, null, out, at);
            return;
        }
        FloatVector accA = FloatVector.zero(F);
        FloatVector accB = FloatVector.zero(F);
        float offsetsA = 0;
        float offsetsB = 0;
        long blockA = rowA;
        long blockB = rowB;
        for (int i = 0, b = 0; i < cols; i += 2 * HALF, blockA += BLOCK_BYTES, blockB += BLOCK_BYTES, b++) {
            FloatVector dotA = FloatVector.zero(F);
            FloatVector dotB = FloatVector.zero(F);
            for (int c = 0; c < HALF; c += LANES) {
                FloatVector xLow = load(x, i + c);
                FloatVector xHigh = load(x, i + HALF + c);
                IntVector qA = VectorMath.unsignedBytes(data, blockA + QS + c);
                IntVector qB = VectorMath.unsignedBytes(data, blockB + QS + c);
                dotA = toFloats(qA.and(0xF)).fma(xLow, toFloats(qA.lanewise(VectorOperators.LSHR, 4)).fma(xHigh, dotA));
                dotB = toFloats(qB.and(0xF)).fma(xLow, toFloats(qB.lanewise(VectorOperators.LSHR, 4)).fma(xHigh, dotB));
            }
            accA = dotA.fma(broadcast(f16(data, blockA + D)), accA);
            accB = dotB.fma(broadcast(f16(data, blockB + D)), accB);
            offsetsA += f16(data, blockA + M) * sums[b];
            offsetsB += f16(data, blockB + M) * sums[b];
        }
        out[at] = accA.reduceLanes(VectorOperators.ADD) + offsetsA;
        out[at + 1] = accB.reduceLanes(VectorOperators.ADD) + offsetsB;
    }

    @Override
    void dequantizeBlockVector(MemorySegment data, long block, float[] out, int outOffset) {
        FloatVector d = broadcast(f16(data, block + D));
        FloatVector m = broadcast(f16(data, block + M));
        for (int c = 0; c < HALF; c += LANES) {
            IntVector q = VectorMath.unsignedBytes(data, block + QS + c);
            toFloats(q.and(0xF)).fma(d, m).intoArray(out, outOffset + c);
            toFloats(q.lanewise(VectorOperators.LSHR, 4)).fma(d, m).intoArray(out, outOffset + HALF + c);
        }
    }
}
