package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.clear;
import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.orU8;
import static dev.gannet.kernels.tensor.LittleEndian.putF16;
import static dev.gannet.kernels.tensor.LittleEndian.u8;

import java.lang.foreign.MemorySegment;

/**
 * Q5_K: Q4_K with a fifth quant bit: super-blocks of 256 weights in 8 sub-blocks of 32, each weight
 * a 5-bit quant; every sub-block has a 6-bit scale and a 6-bit min, scaled by the super-block's d
 * and dmin.
 *
 * <pre>
 * bytes     field
 * 0..1      d           float16 scale of the scales
 * 2..3      dmin        float16 scale of the mins
 * 4..15     scales[12]  eight scales and eight mins, 6 bits each (see {@link KScales})
 * 16..47    qh[32]      fifth bits: weight 32s + l (s 0..7, l 0..31) has its at bit s of qh[l]
 * 48..175   qs[128]     low four bits: weight 64c + l (c 0..3, l 0..31) is the low nibble of
 *                       qs[32c + l], weight 64c + 32 + l its high nibble
 * </pre>
 *
 * weight = (d * scale[s]) * q - (dmin * min[s]), s = weight index / 32.
 */
final class Q5KKernel extends BlockKernel {
    private static final int SUB_BLOCKS = 8;
    private static final int SUB_SIZE = 32;
    private static final int D = 0;
    private static final int DMIN = 2;
    private static final int SCALES = 4;
    private static final int QH = 16;
    private static final int QS = 48;
    private static final int QUANT_BYTES = 32 + 128;

    Q5KKernel() {
        super(GgmlType.Q5_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        float dmin = f16(data, block + DMIN);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            float step = d * KScales.scale(data, block + SCALES, s);
            float offset = dmin * KScales.min(data, block + SCALES, s);
            for (int l = 0; l < SUB_SIZE; l++) {
                out[outOffset + s * SUB_SIZE + l] = step * quant(data, block, s, l) - offset;
            }
        }
    }

    @Override
    float dotBlock(MemorySegment data, long block, float[] x, int xOffset) {
        float d = f16(data, block + D);
        float dmin = f16(data, block + DMIN);
        float sum = 0;
        for (int s = 0; s < SUB_BLOCKS; s++) {
            float step = d * KScales.scale(data, block + SCALES, s);
            float offset = dmin * KScales.min(data, block + SCALES, s);
            for (int l = 0; l < SUB_SIZE; l++) {
                sum += (step * quant(data, block, s, l) - offset) * x[xOffset + s * SUB_SIZE + l];
            }
        }
        return sum;
    }

    @Override
    void quantizeBlock(float[] values, int valuesOffset, MemorySegment data, long block) {
        KQuantFit.Affine fit = KQuantFit.affine(values, valuesOffset, SUB_BLOCKS, SUB_SIZE, 31, 63);
        putF16(data, block + D, fit.d());
        putF16(data, block + DMIN, fit.dmin());
        KScales.pack(data, block + SCALES, fit.scales(), fit.mins());
        clear(data, block + QH, QUANT_BYTES);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            for (int l = 0; l < SUB_SIZE; l++) {
                int q = fit.quant(s, values[valuesOffset + s * SUB_SIZE + l], 31);
                orU8(data, block + QS + (s / 2) * 32 + l, (q & 0xF) << ((s % 2) * 4));
                orU8(data, block + QH + l, (q >> 4) << s);
            }
        }
    }

    /** The 5-bit quant of weight l of sub-block s. */
    private static int quant(MemorySegment data, long block, int s, int l) {
        int low = (u8(data, block + QS + (s / 2) * 32 + l) >> ((s % 2) * 4)) & 0xF;
        int high = (u8(data, block + QH + l) >> s) & 1;
        return low | high << 4;
    }
}
