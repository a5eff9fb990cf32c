package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.clear;
import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.orU8;
import static dev.gannet.kernels.tensor.LittleEndian.putF16;
import static dev.gannet.kernels.tensor.LittleEndian.putU8;
import static dev.gannet.kernels.tensor.LittleEndian.u8;

import java.lang.foreign.MemorySegment;

/**
 * Q2_K: super-blocks of 256 weights in 16 sub-blocks of 16, each weight a 2-bit quant; every
 * sub-block has a 4-bit scale and a 4-bit min, themselves scaled by the super-block's d and dmin.
 *
 * <pre>
 * bytes     field
 * 0..15     scales[16]  sub-block s: bits 0..3 scale, bits 4..7 min
 * 16..79    qs[64]      2-bit quants: weight 128h + 32j + l (h 0..1, j 0..3, l 0..31)
 *                       is bits 2j..2j+1 of qs[32h + l]
 * 80..81    d           float16 scale of the scales
 * 82..83    dmin        float16 scale of the mins
 * </pre>
 *
 * weight = (d * scale[s]) * q - (dmin * min[s]), s = weight index / 16.
 */
final class Q2KKernel extends BlockKernel {
    private static final int SUB_BLOCKS = 16;
    private static final int SUB_SIZE = 16;
    private static final int SCALES = 0;
    private static final int QS = 16;
    private static final int QS_BYTES = 64;
    private static final int D = 80;
    private static final int DMIN = 82;

    Q2KKernel() {
        super(GgmlType.Q2_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        float dmin = f16(data, block + DMIN);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            int sc = u8(data, block + SCALES + s);
            float step = d * (sc & 0xF);
            float offset = dmin * (sc >> 4);
            long qs = block + quants(s);
            int shift = shift(s);
            for (int l = 0; l < SUB_SIZE; l++) {
                out[outOffset + s * SUB_SIZE + l] = step * ((u8(data, qs + l) >> shift) & 3) - offset;
            }
        }
    }

    @Override
    float dotBlock(MemorySegment data, long block, float[] x, int xOffset) {
        float d = f16(data, block + D);
        float dmin = f16(data, block + DMIN);
        float sum = 0;
        for (int s = 0; s < SUB_BLOCKS; s++) {
            int sc = u8(data, block + SCALES + s);
            float step = d * (sc & 0xF);
            float offset = dmin * (sc >> 4);
            long qs = block + quants(s);
            int shift = shift(s);
            for (int l = 0; l < SUB_SIZE; l++) {
                sum += (step * ((u8(data, qs + l) >> shift) & 3) - offset) * x[xOffset + s * SUB_SIZE + l];
            }
        }
        return sum;
    }

    @Override
    void quantizeBlock(float[] values, int valuesOffset, MemorySegment data, long block) {
        KQuantFit.Affine fit = KQuantFit.affine(values, valuesOffset, SUB_BLOCKS, SUB_SIZE, 3, 15);
        putF16(data, block + D, fit.d());
        putF16(data, block + DMIN, fit.dmin());
        clear(data, block + QS, QS_BYTES);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            putU8(data, block + SCALES + s, fit.scales()[s] | fit.mins()[s] << 4);
            long qs = block + quants(s);
            int shift = shift(s);
            for (int l = 0; l < SUB_SIZE; l++) {
                orU8(data, qs + l, fit.quant(s, values[valuesOffset + s * SUB_SIZE + l], 3) << shift);
            }
        }
    }

    /** Offset in the block of the 16 quant bytes of sub-block s (weights 16s..16s+15). */
    private static int quants(int s) {
        return QS + (s / 8) * 32 + (s % 2) * 16;
    }

    /** Where in those bytes sub-block s keeps its two bits. */
    private static int shift(int s) {
        return 2 * ((s % 8) / 2);
    }
}
