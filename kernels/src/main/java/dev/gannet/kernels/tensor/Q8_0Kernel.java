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
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = FloatVector.zero(F);
        long block = row;
        int i = 0;
        for (; i + 2 * N <= cols; i += 2 * N, block += 2 * BLOCK_BYTES) {
            acc0 = blockDot(data, block, x, xOffset + i).fma(broadcast(f16(data, block + D)), acc0);
            acc1 = blockDot(data, block + BLOCK_BYTES, x, xOffset + i + N)
                    .fma(broadcast(f16(data, block + BLOCK_BYTES + D)), acc1);
        }
        if (i < cols) {
            acc0 = blockDot(data, block, x, xOffset + i).fma(broadcast(f16(data, block + D)), acc0);
        }
        return acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }

    /** Σ q·x over one block, unscaled, as a vector of partial sums. */
    private static FloatVector blockDot(MemorySegment data, long block, float[] x, int xOffset) {
        FloatVector quantDot = FloatVector.zero(F);
        for (int c = 0; c < N; c += LANES) {
            quantDot = toFloats(VectorMath.signedBytes(data, block + QS + c)).fma(load(x, xOffset + c), quantDot);
        }
        return quantDot;
    }

    @Override
    void dequantizeBlockVector(MemorySegment data, long block, float[] out, int outOffset) {
        FloatVector d = broadcast(f16(data, block + D));
        for (int c = 0; c < N; c += LANES) {
            toFloats(VectorMath.signedBytes(data, block + QS + c)).mul(d).intoArray(out, outOffset + c);
        }
    }
}
