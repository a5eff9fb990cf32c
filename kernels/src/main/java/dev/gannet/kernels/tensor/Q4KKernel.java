package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.clear;
import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.i32;
import static dev.gannet.kernels.tensor.LittleEndian.orU8;
import static dev.gannet.kernels.tensor.LittleEndian.putF16;
import static dev.gannet.kernels.tensor.LittleEndian.u8;

import static dev.gannet.kernels.tensor.VectorMath.F;
import static dev.gannet.kernels.tensor.VectorMath.INTS;
import static dev.gannet.kernels.tensor.VectorMath.LANES;
import static dev.gannet.kernels.tensor.VectorMath.broadcast;
import static dev.gannet.kernels.tensor.VectorMath.load;
import static dev.gannet.kernels.tensor.VectorMath.toFloats;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import java.lang.foreign.MemorySegment;

/**
 * Q4_K: super-blocks of 256 weights in 8 sub-blocks of 32, each weight a 4-bit quant; every
 * sub-block has a 6-bit scale and a 6-bit min, themselves scaled by the super-block's d and dmin.
 *
 * <pre>
 * bytes     field
 * 0..1      d           float16 scale of the scales
 * 2..3      dmin        float16 scale of the mins
 * 4..15     scales[12]  eight scales and eight mins, 6 bits each (see {@link KScales})
 * 16..143   qs[128]     4-bit quants: weight 64c + l (c 0..3, l 0..31) is the low nibble of
 *                       qs[32c + l], weight 64c + 32 + l its high nibble
 * </pre>
 *
 * weight = (d * scale[s]) * q - (dmin * min[s]), s = weight index / 32.
 */
final class Q4KKernel extends FusedBlockKernel {
    private static final int SUB_BLOCKS = 8;
    private static final int SUB_SIZE = 32;
    private static final int D = 0;
    private static final int DMIN = 2;
    private static final int SCALES = 4;
    private static final int QS = 16;
    private static final int QS_BYTES = 128;

    Q4KKernel() {
        super(GgmlType.Q4_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        float dmin = f16(data, block + DMIN);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            float step = d * KScales.scale(data, block + SCALES, s);
            float offset = dmin * KScales.min(data, block + SCALES, s);
            long qs = block + quants(s);
            int shift = shift(s);
            for (int l = 0; l < SUB_SIZE; l++) {
                out[outOffset + s * SUB_SIZE + l] = step * ((u8(data, qs + l) >> shift) & 0xF) - offset;
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
            long qs = block + quants(s);
            int shift = shift(s);
            for (int l = 0; l < SUB_SIZE; l++) {
                sum += (step * ((u8(data, qs + l) >> shift) & 0xF) - offset) * x[xOffset + s * SUB_SIZE + l];
            }
        }
        return sum;
    }

    @Override
    void quantizeBlock(float[] values, int valuesOffset, MemorySegment data, long block) {
        KQuantFit.Affine fit = KQuantFit.affine(values, valuesOffset, SUB_BLOCKS, SUB_SIZE, 15, 63);
        putF16(data, block + D, fit.d());
        putF16(data, block + DMIN, fit.dmin());
        KScales.pack(data, block + SCALES, fit.scales(), fit.mins());
        clear(data, block + QS, QS_BYTES);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            long qs = block + quants(s);
            int shift = shift(s);
            for (int l = 0; l < SUB_SIZE; l++) {
                orU8(data, qs + l, fit.quant(s, values[valuesOffset + s * SUB_SIZE + l], 15) << shift);
            }
        }
    }

    /** Offset in the block of the 32 quant bytes shared by sub-blocks s and s ^ 1. */
    private static int quants(int s) {
        return QS + (s / 2) * 32;
    }

    /** Even sub-blocks take the low nibble, odd ones the high. */
    private static int shift(int s) {
        return (s % 2) * 4;
    }

    // Fast path. Per pair of sub-blocks (32 quant bytes: the even sub-block in the low nibbles, the
    // odd in the high), Σ w·x = d·scale·Σ q·x − dmin·min·Σ x: the two sums per sub-block stay
    // vectors and are scaled once, into four accumulators so that the scaling FMAs of one pair do
    // not wait on each other. The eight scales and mins are unpacked once per super-block, from three
    // int reads, into a long of eight bytes each.
    @Override
    void decodeRows(MemorySegment data, long matrixByte, long rowBytes, int cols, int rowFrom, int rowTo, float[] x,
                    int xStride, int tokens, float[] out, int outStride, int outOffset, float[] sums, int blocks) {
        rowLoop(this, data, matrixByte, rowBytes, cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset,
                sums, blocks);
    }

    @Override
    float dotRow(MemorySegment data, long row, int cols, float[] x, int xOffset) {
        FloatVector lowAcc = FloatVector.zero(F);
        FloatVector highAcc = FloatVector.zero(F);
        FloatVector lowMinAcc = FloatVector.zero(F);
        FloatVector highMinAcc = FloatVector.zero(F);
        long block = row;
        for (int i = 0; i < cols; i += SUB_BLOCKS * SUB_SIZE, block += GgmlType.Q4_K.blockBytes()) {
            float d = f16(data, block + D);
            float dmin = f16(data, block + DMIN);
            int packed0 = i32(data, block + SCALES);
            int packed1 = i32(data, block + SCALES + 4);
            int packed2 = i32(data, block + SCALES + 8);
            long scales = scales(packed0, packed1, packed2);
            long mins = mins(packed0, packed1, packed2);
            for (int pair = 0; pair < SUB_BLOCKS / 2; pair++) {
                FloatVector lowDot = FloatVector.zero(F);
                FloatVector highDot = FloatVector.zero(F);
                FloatVector lowSum = FloatVector.zero(F);
                FloatVector highSum = FloatVector.zero(F);
                int xBase = xOffset + i + pair * 2 * SUB_SIZE;
                for (int c = 0; c < SUB_SIZE; c += LANES) {
                    IntVector q = VectorMath.unsignedBytes(data, block + QS + pair * SUB_SIZE + c);
                    FloatVector xLow = load(x, xBase + c);
                    FloatVector xHigh = load(x, xBase + SUB_SIZE + c);
                    lowDot = toFloats(q.and(0xF)).fma(xLow, lowDot);
                    highDot = toFloats(q.lanewise(VectorOperators.LSHR, 4)).fma(xHigh, highDot);
                    lowSum = lowSum.add(xLow);
                    highSum = highSum.add(xHigh);
                }
                int shift = 16 * pair;
                lowAcc = lowDot.fma(broadcast(d * (int) (scales >>> shift & 0xFF)), lowAcc);
                highAcc = highDot.fma(broadcast(d * (int) (scales >>> shift + 8 & 0xFF)), highAcc);
                lowMinAcc = lowSum.fma(broadcast(dmin * (int) (mins >>> shift & 0xFF)), lowMinAcc);
                highMinAcc = highSum.fma(broadcast(dmin * (int) (mins >>> shift + 8 & 0xFF)), highMinAcc);
            }
        }
        return lowAcc.add(highAcc).sub(lowMinAcc.add(highMinAcc)).reduceLanes(VectorOperators.ADD);
    }

    /**
     * The eight 6-bit scales of a {@link KScales} field, byte j of the result scale j, from the
     * field's three little-endian ints (llama.cpp's unpacking with kmask1..3).
     */
    static long scales(int packed0, int packed1, int packed2) {
        int low = packed0 & 0x3F3F3F3F;
        int high = (packed2 & 0x0F0F0F0F) | ((packed0 >>> 6) & 0x03030303) << 4;
        return (low & 0xFFFFFFFFL) | (long) high << 32;
    }

    /** The eight 6-bit mins of a {@link KScales} field, as {@link #scales} does the scales. */
    static long mins(int packed0, int packed1, int packed2) {
        int low = packed1 & 0x3F3F3F3F;
        int high = ((packed2 >>> 4) & 0x0F0F0F0F) | ((packed1 >>> 6) & 0x03030303) << 4;
        return (low & 0xFFFFFFFFL) | (long) high << 32;
    }

    @Override
    void dequantizeBlockVector(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        float dmin = f16(data, block + DMIN);
        for (int pair = 0; pair < SUB_BLOCKS / 2; pair++) {
            int even = 2 * pair;
            FloatVector lowStep = broadcast(d * KScales.scale(data, block + SCALES, even));
            FloatVector highStep = broadcast(d * KScales.scale(data, block + SCALES, even + 1));
            FloatVector lowOffset = broadcast(-dmin * KScales.min(data, block + SCALES, even));
            FloatVector highOffset = broadcast(-dmin * KScales.min(data, block + SCALES, even + 1));
            int outBase = outOffset + pair * 2 * SUB_SIZE;
            for (int c = 0; c < SUB_SIZE; c += LANES) {
                IntVector q = VectorMath.unsignedBytes(data, block + QS + pair * SUB_SIZE + c);
                toFloats(q.and(0xF)).fma(lowStep, lowOffset).intoArray(out, outBase + c);
                toFloats(q.lanewise(VectorOperators.LSHR, 4)).fma(highStep, highOffset).intoArray(out, outBase + SUB_SIZE + c);
            }
        }
    }
}
