package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.clear;
import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.orU8;
import static dev.gannet.kernels.tensor.LittleEndian.putF16;
import static dev.gannet.kernels.tensor.LittleEndian.u8;

import java.lang.foreign.MemorySegment;

/**
 * Q3_K: super-blocks of 256 weights in 16 sub-blocks of 16, each weight a 3-bit signed quant
 * (-4..3); every sub-block has a signed 6-bit scale, itself scaled by the super-block's d.
 *
 * <pre>
 * bytes     field
 * 0..31     hmask[32]   high (third) bits: weight 128h + 32j + l (h 0..1, j 0..3, l 0..31)
 *                       has its high bit at bit 4h + j of hmask[l]
 * 32..95    qs[64]      low two bits: the same weight's are bits 2j..2j+1 of qs[32h + l]
 * 96..107   scales[12]  sixteen 6-bit scales, stored plus 32: scale s has bits 0..3 in the low
 *                       nibble of byte s (s < 8) or the high nibble of byte s - 8, and bits 4..5
 *                       at bits 2(s / 4)..2(s / 4)+1 of byte 8 + s % 4
 * 108..109  d           float16 scale of the scales
 * </pre>
 *
 * weight = (d * (scale[s] - 32)) * (low + 4 * high - 4), s = weight index / 16.
 */
final class Q3KKernel extends BlockKernel {
    private static final int SUB_BLOCKS = 16;
    private static final int SUB_SIZE = 16;
    private static final int HMASK = 0;
    private static final int HMASK_BYTES = 32;
    private static final int QS = 32;
    private static final int QS_BYTES = 64;
    private static final int SCALES = 96;
    private static final int SCALES_BYTES = 12;
    private static final int D = 108;

    Q3KKernel() {
        super(GgmlType.Q3_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            float step = d * (scale(data, block, s) - 32);
            for (int l = 0; l < SUB_SIZE; l++) {
                out[outOffset + s * SUB_SIZE + l] = step * quant(data, block, s, l);
            }
        }
    }

    @Override
    float dotBlock(MemorySegment data, long block, float[] x, int xOffset) {
        float d = f16(data, block + D);
        float sum = 0;
        for (int s = 0; s < SUB_BLOCKS; s++) {
            float step = d * (scale(data, block, s) - 32);
            for (int l = 0; l < SUB_SIZE; l++) {
                sum += step * quant(data, block, s, l) * x[xOffset + s * SUB_SIZE + l];
            }
        }
        return sum;
    }

    @Override
    void quantizeBlock(float[] values, int valuesOffset, MemorySegment data, long block) {
        KQuantFit.Symmetric fit = KQuantFit.symmetric(values, valuesOffset, SUB_BLOCKS, SUB_SIZE, 4, 31);
        putF16(data, block + D, fit.d());
        clear(data, block + HMASK, HMASK_BYTES + QS_BYTES + SCALES_BYTES);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            int stored = fit.scales()[s] + 32;
            orU8(data, block + SCALES + s % 8, (stored & 0xF) << (s < 8 ? 0 : 4));
            orU8(data, block + SCALES + 8 + s % 4, (stored >> 4) << (2 * (s / 4)));
            for (int l = 0; l < SUB_SIZE; l++) {
                int q = fit.quant(s, values[valuesOffset + s * SUB_SIZE + l], 4) + 4; // 0..7
                orU8(data, block + lowBits(s) + l, (q & 3) << lowShift(s));
                orU8(data, block + highBits(s) + l, (q >> 2) << highBit(s));
            }
        }
    }

    /** The stored (plus 32) 6-bit scale of sub-block s. */
    private static int scale(MemorySegment data, long block, int s) {
        int low = s < 8 ? u8(data, block + SCALES + s) & 0xF : u8(data, block + SCALES + s - 8) >> 4;
        int high = (u8(data, block + SCALES + 8 + s % 4) >> (2 * (s / 4))) & 3;
        return low | high << 4;
    }

    /** The signed quant (-4..3) of weight l of sub-block s: a clear high bit means minus 4. */
    private static int quant(MemorySegment data, long block, int s, int l) {
        int low = (u8(data, block + lowBits(s) + l) >> lowShift(s)) & 3;
        int high = (u8(data, block + highBits(s) + l) >> highBit(s)) & 1;
        return low - (high == 0 ? 4 : 0);
    }

    /** Offset in the block of the 16 bytes holding the low bits of sub-block s. */
    private static int lowBits(int s) {
        return QS + (s / 8) * 32 + (s % 2) * 16;
    }

    private static int lowShift(int s) {
        return 2 * ((s % 8) / 2);
    }

    /** Offset in the block of the 16 hmask bytes of sub-block s. */
    private static int highBits(int s) {
        return HMASK + (s % 2) * 16;
    }

    private static int highBit(int s) {
        return (s / 8) * 4 + (s % 8) / 2;
    }
}
