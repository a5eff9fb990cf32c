package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.i32;
import static dev.gannet.kernels.tensor.LittleEndian.putF16;
import static dev.gannet.kernels.tensor.LittleEndian.putI32;
import static dev.gannet.kernels.tensor.LittleEndian.putU8;
import static dev.gannet.kernels.tensor.LittleEndian.u8;

import java.lang.foreign.MemorySegment;

/**
 * Q5_1: blocks of 32 weights, each a 5-bit quant times the block's scale plus the block's minimum.
 *
 * <pre>
 * bytes   field
 * 0..1    d        float16 scale
 * 2..3    m        float16 minimum
 * 4..7    qh       uint32, little-endian: bit j is the fifth bit of weight j
 * 8..23   qs[16]   byte j: low four bits of weight j in the low nibble, of weight j + 16 in the high;
 *                  weight = q * d + m
 * </pre>
 */
final class Q5_1Kernel extends BlockKernel {
    private static final int HALF = 16;
    private static final int D = 0;
    private static final int M = 2;
    private static final int QH = 4;
    private static final int QS = 8;

    Q5_1Kernel() {
        super(GgmlType.Q5_1);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        float m = f16(data, block + M);
        int qh = i32(data, block + QH);
        for (int j = 0; j < HALF; j++) {
            int q = u8(data, block + QS + j);
            out[outOffset + j] = low(q, qh, j) * d + m;
            out[outOffset + j + HALF] = high(q, qh, j) * d + m;
        }
    }

    @Override
    float dotBlock(MemorySegment data, long block, float[] x, int xOffset) {
        float d = f16(data, block + D);
        float m = f16(data, block + M);
        int qh = i32(data, block + QH);
        float sum = 0;
        for (int j = 0; j < HALF; j++) {
            int q = u8(data, block + QS + j);
            sum += (low(q, qh, j) * d + m) * x[xOffset + j];
            sum += (high(q, qh, j) * d + m) * x[xOffset + j + HALF];
        }
        return sum;
    }

    /** The 5-bit quant of weight j: low nibble of qs[j], fifth bit from qh bit j. */
    private static int low(int qs, int qh, int j) {
        return (qs & 0xF) | ((qh >>> j) & 1) << 4;
    }

    /** The 5-bit quant of weight j + 16: high nibble of qs[j], fifth bit from qh bit j + 16. */
    private static int high(int qs, int qh, int j) {
        return (qs >> 4) | ((qh >>> (j + HALF)) & 1) << 4;
    }

    /**
     * llama.cpp's quantize_row_q5_1_ref: d = (max - min) / 31, quants (v - min) / d + 0.5 truncated.
     * The cap at 31 never binds for finite input; it only keeps a rounding accident from wrapping.
     */
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
        float d = (max - min) / 31;
        float id = d != 0 ? 1 / d : 0;
        putF16(data, block + D, d);
        putF16(data, block + M, min);
        int qh = 0;
        for (int j = 0; j < HALF; j++) {
            int q0 = Math.min(31, (int) ((values[valuesOffset + j] - min) * id + 0.5f));
            int q1 = Math.min(31, (int) ((values[valuesOffset + j + HALF] - min) * id + 0.5f));
            putU8(data, block + QS + j, (q0 & 0xF) | (q1 & 0xF) << 4);
            qh |= (q0 >> 4) << j | (q1 >> 4) << (j + HALF);
        }
        putI32(data, block + QH, qh);
    }
}
