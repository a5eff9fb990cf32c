package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.i8;
import static dev.gannet.kernels.tensor.LittleEndian.putF16;
import static dev.gannet.kernels.tensor.LittleEndian.putU8;

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
 * Q8_0: blocks of 32 weights, each a signed byte times the block's scale.
 *
 * <pre>
 * bytes   field
 * 0..1    d        float16 scale
 * 2..33   qs[32]   int8 quants; weight j = qs[j] * d
 * </pre>
 */
final class Q8_0Kernel extends FusedBlockKernel {
    private static final int N = 32;
    private static final int D = 0;
    private static final int QS = 2;
    private static final int BLOCK_BYTES = 34;

    Q8_0Kernel() {
        super(GgmlType.Q8_0);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        for (int j = 0; j < N; j++) {
            out[outOffset + j] = i8(data, block + QS + j) * d;
        }
    }

    @Override
    float dotBlock(MemorySegment data, long block, float[] x, int xOffset) {
        float d = f16(data, block + D);
        float sum = 0;
        for (int j = 0; j < N; j++) {
            sum += i8(data, block + QS + j) * d * x[xOffset + j];
        }
        return sum;
    }

    /**
     * llama.cpp's quantize_row_q8_0_ref: d = max|v| / 127, q = v * (1/d) rounded half away from zero.
     * The quants are computed from the float d, not from its float16 rounding, as there.
     */
    @Override
    void quantizeBlock(float[] values, int valuesOffset, MemorySegment data, long block) {
        float amax = 0;
        for (int j = 0; j < N; j++) {
            amax = Math.max(amax, Math.abs(values[valuesOffset + j]));
        }
        float d = amax / 127;
        float id = d != 0 ? 1 / d : 0;
        putF16(data, block + D, d);
        for (int j = 0; j < N; j++) {
            putU8(data, block + QS + j, roundHalfAwayFromZero(values[valuesOffset + j] * id));
        }
    }

    /** C's roundf. Math.round differs: it rounds halves up, so -2.5 becomes -2 instead of -3. */
    static int roundHalfAwayFromZero(float value) {
        return (int) Math.copySign(Math.floor(Math.abs((double) value) + 0.5), value);
    }

    // Fast path: the int8 quants are sign-extended to ints and converted to floats in registers;
    // d multiplies the block's partial sum.
    @Override
    void decodeRows(MemorySegment data, long matrixByte, long rowBytes, int cols, int rowFrom, int rowTo, float[] x,
                    int xStride, int tokens, float[] out, int outStride, int outOffset, float[] sums, int blocks) {
        rowLoop(this, data, matrixByte, rowBytes, cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset,
                sums, blocks);
    }

    @Override
    float dotRow(MemorySegment data, long row, int cols, float[] x, int xOffset) {
        // Two accumulators, alternate blocks: the per-block scaling FMAs do not wait on each other.
        // The block sums are written out here rather than called: a helper returning a vector that
        // C2 happens to compile on its own first is then called, not inlined, and every vector it
        // returns is boxed (seen as a 10% slower decode in some runs).
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        long block = row;
        int i = 0;
        for (; i + 2 * N <= cols; i += 2 * N, block += 2 * BLOCK_BYTES) {
            FloatVector dot0 = FloatVector.zero(F);
            FloatVector dot1 = FloatVector.zero(F);
            for (int c = 0; c < N; c += LANES) {
                dot0 = toFloats(VectorMath.signedBytes(data, block + QS + c)).fma(load(x, xOffset + i + c), dot0);
                dot1 = toFloats(VectorMath.signedBytes(data, block + BLOCK_BYTES + QS + c))
                        .fma(load(x, xOffset + i + N + c), dot1);
            }
            acc0 = dot0.fma(broadcast(f16(data, block + D)), acc0);
            acc1 = dot1.fma(broadcast(f16(data, block + BLOCK_BYTES + D)), acc1);
        }
        if (i < cols) {
            FloatVector dot0 = FloatVector.zero(F);
            for (int c = 0; c < N; c += LANES) {
                dot0 = toFloats(VectorMath.signedBytes(data, block + QS + c)).fma(load(x, xOffset + i + c), dot0);
            }
            acc0 = dot0.fma(broadcast(f16(data, block + D)), acc0);
        }
        return acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }

    @Override
    boolean decodesRowPairs() {
        return true;
    }

    // Two rows at once: each x vector loaded once for both, and two independent chains.
    @Override
    void dotTwoRows(MemorySegment data, long rowA, long rowB, int cols, float[] x, float[] sums, float[] out, int at) {
        FloatVector accA = FloatVector.zero(F);
        FloatVector accB = FloatVector.zero(F);
        long blockA = rowA;
        long blockB = rowB;
        for (int i = 0; i < cols; i += N, blockA += BLOCK_BYTES, blockB += BLOCK_BYTES) {
            FloatVector dotA = FloatVector.zero(F);
            FloatVector dotB = FloatVector.zero(F);
            for (int c = 0; c < N; c += LANES) {
                FloatVector xs = load(x, i + c);
                dotA = toFloats(VectorMath.signedBytes(data, blockA + QS + c)).fma(xs, dotA);
                dotB = toFloats(VectorMath.signedBytes(data, blockB + QS + c)).fma(xs, dotB);
            }
            accA = dotA.fma(broadcast(f16(data, blockA + D)), accA);
            accB = dotB.fma(broadcast(f16(data, blockB + D)), accB);
        }
        out[at] = accA.reduceLanes(VectorOperators.ADD);
        out[at + 1] = accB.reduceLanes(VectorOperators.ADD);
    }

    @Override
    void dequantizeBlockVector(MemorySegment data, long block, float[] out, int outOffset) {
        FloatVector d = broadcast(f16(data, block + D));
        for (int c = 0; c < N; c += LANES) {
            toFloats(VectorMath.signedBytes(data, block + QS + c)).mul(d).intoArray(out, outOffset + c);
        }
    }
}
