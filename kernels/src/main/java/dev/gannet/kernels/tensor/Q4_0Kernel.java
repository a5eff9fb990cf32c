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
 * Q4_0: blocks of 32 weights, each a 4-bit quant offset by 8, times the block's scale.
 *
 * <pre>
 * bytes   field
 * 0..1    d        float16 scale
 * 2..17   qs[16]   byte j: weight j in the low nibble, weight j + 16 in the high nibble;
 *                  weight = (nibble - 8) * d
 * </pre>
 */
final class Q4_0Kernel extends FusedBlockKernel {
    private static final int HALF = 16;
    private static final int D = 0;
    private static final int QS = 2;
    private static final int BLOCK_BYTES = 18;

    Q4_0Kernel() {
        super(GgmlType.Q4_0);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        for (int j = 0; j < HALF; j++) {
            int q = u8(data, block + QS + j);
            out[outOffset + j] = ((q & 0xF) - 8) * d;
            out[outOffset + j + HALF] = ((q >> 4) - 8) * d;
        }
    }

    @Override
    float dotBlock(MemorySegment data, long block, float[] x, int xOffset) {
        float d = f16(data, block + D);
        float sum = 0;
        for (int j = 0; j < HALF; j++) {
            int q = u8(data, block + QS + j);
            sum += ((q & 0xF) - 8) * d * x[xOffset + j];
            sum += ((q >> 4) - 8) * d * x[xOffset + j + HALF];
        }
        return sum;
    }

    /**
     * llama.cpp's quantize_row_q4_0_ref: the value of largest magnitude (the first, on ties) maps to
     * quant 0 (-8), so d = max / -8 keeps its sign; quants are v / d + 8.5 truncated, capped at 15.
     */
    @Override
    void quantizeBlock(float[] values, int valuesOffset, MemorySegment data, long block) {
        float amax = 0;
        float max = 0;
        for (int j = 0; j < 2 * HALF; j++) {
            float v = values[valuesOffset + j];
            if (amax < Math.abs(v)) {
                amax = Math.abs(v);
                max = v;
            }
        }
        float d = max / -8;
        float id = d != 0 ? 1 / d : 0;
        putF16(data, block + D, d);
        for (int j = 0; j < HALF; j++) {
            int q0 = Math.min(15, (int) (values[valuesOffset + j] * id + 8.5f));
            int q1 = Math.min(15, (int) (values[valuesOffset + j + HALF] * id + 8.5f));
            putU8(data, block + QS + j, q0 | q1 << 4);
        }
    }

    // Fast path. Weight = (nibble - 8)·d: the nibbles are widened to ints, re-centred and converted
    // to floats in registers; d multiplies the block's partial sums.
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
            for (int c = 0; c < HALF; c += LANES) {
                IntVector q = VectorMath.unsignedBytes(data, block + QS + c);
                FloatVector low = toFloats(q.and(0xF).sub(8));
                FloatVector high = toFloats(q.lanewise(VectorOperators.LSHR, 4).sub(8));
                quantDot = low.fma(load(x, xOffset + i + c), high.fma(load(x, xOffset + i + HALF + c), quantDot));
            }
            acc = quantDot.fma(broadcast(f16(data, block + D)), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    @Override
    void dequantizeBlockVector(MemorySegment data, long block, float[] out, int outOffset) {
        FloatVector d = broadcast(f16(data, block + D));
        for (int c = 0; c < HALF; c += LANES) {
            IntVector q = VectorMath.unsignedBytes(data, block + QS + c);
            toFloats(q.and(0xF).sub(8)).mul(d).intoArray(out, outOffset + c);
            toFloats(q.lanewise(VectorOperators.LSHR, 4).sub(8)).mul(d).intoArray(out, outOffset + HALF + c);
        }
    }
}
