package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.putF16;
import static dev.gannet.kernels.tensor.LittleEndian.putU8;
import static dev.gannet.kernels.tensor.LittleEndian.u8;

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
final class Q4_0Kernel extends BlockKernel {
    private static final int HALF = 16;
    private static final int D = 0;
    private static final int QS = 2;

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
}
