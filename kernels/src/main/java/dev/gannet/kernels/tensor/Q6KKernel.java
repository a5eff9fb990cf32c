package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.clear;
import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.i8;
import static dev.gannet.kernels.tensor.LittleEndian.orU8;
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
 * Q6_K: super-blocks of 256 weights in 16 sub-blocks of 16, each weight a 6-bit quant offset by 32;
 * every sub-block has a signed 8-bit scale, itself scaled by the super-block's d.
 *
 * <pre>
 * bytes     field
 * 0..127    ql[128]     low four bits: weight 128h + 32k + l (h 0..1, k 0..3, l 0..31) is in
 *                       ql[64h + 32(k % 2) + l], low nibble for k &lt; 2, high nibble for k &gt;= 2
 * 128..191  qh[64]      high two bits: the same weight's are bits 2k..2k+1 of qh[32h + l]
 * 192..207  scales[16]  int8 scale of each sub-block
 * 208..209  d           float16 scale of the scales
 * </pre>
 *
 * weight = (d * scale[s]) * (q - 32), s = weight index / 16.
 */
final class Q6KKernel extends FusedBlockKernel implements Int8Repackable {
    private static final int SUB_BLOCKS = 16;
    private static final int SUB_SIZE = 16;
    private static final int BLOCK = SUB_BLOCKS * SUB_SIZE;
    private static final int QL = 0;
    private static final int QH = 128;
    private static final int QUANT_BYTES = 128 + 64;
    private static final int SCALES = 192;
    private static final int D = 208;

    Q6KKernel() {
        super(GgmlType.Q6_K);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            float step = d * i8(data, block + SCALES + s);
            for (int l = 0; l < SUB_SIZE; l++) {
                out[outOffset + s * SUB_SIZE + l] = step * (quant(data, block, s, l) - 32);
            }
        }
    }

    @Override
    float dotBlock(MemorySegment data, long block, float[] x, int xOffset) {
        float d = f16(data, block + D);
        float sum = 0;
        for (int s = 0; s < SUB_BLOCKS; s++) {
            float step = d * i8(data, block + SCALES + s);
            for (int l = 0; l < SUB_SIZE; l++) {
                sum += step * (quant(data, block, s, l) - 32) * x[xOffset + s * SUB_SIZE + l];
            }
        }
        return sum;
    }

    @Override
    void quantizeBlock(float[] values, int valuesOffset, MemorySegment data, long block) {
        KQuantFit.Symmetric fit = KQuantFit.symmetric(values, valuesOffset, SUB_BLOCKS, SUB_SIZE, 32, 127);
        putF16(data, block + D, fit.d());
        clear(data, block + QL, QUANT_BYTES);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            putU8(data, block + SCALES + s, fit.scales()[s]);
            for (int l = 0; l < SUB_SIZE; l++) {
                int q = fit.quant(s, values[valuesOffset + s * SUB_SIZE + l], 32) + 32; // 0..63
                orU8(data, block + lowBits(s, l), (q & 0xF) << lowShift(s));
                orU8(data, block + highBits(s, l), (q >> 4) << highShift(s));
            }
        }
    }

    /** Each sub-block's d · scale (exact in float) and its quants − 32. */
    @Override
    public void repackBlock(MemorySegment data, long block, float[] scales, int scalesAt, byte[] quants, int quantsAt) {
        float d = f16(data, block + D);
        for (int s = 0; s < SUB_BLOCKS; s++) {
            scales[scalesAt + s] = d * i8(data, block + SCALES + s);
            for (int l = 0; l < SUB_SIZE; l++) {
                quants[quantsAt + s * SUB_SIZE + l] = (byte) (quant(data, block, s, l) - 32);
            }
        }
    }

    /** The 6-bit quant (0..63) of weight l of sub-block s. */
    private static int quant(MemorySegment data, long block, int s, int l) {
        int low = (u8(data, block + lowBits(s, l)) >> lowShift(s)) & 0xF;
        int high = (u8(data, block + highBits(s, l)) >> highShift(s)) & 3;
        return low | high << 4;
    }

    // Sub-block s covers weights 16s..16s+15: h = s / 8, k = (s % 8) / 2, and l runs from 16(s % 2).

    private static int lowBits(int s, int l) {
        return QL + (s / 8) * 64 + (((s % 8) / 2) % 2) * 32 + (s % 2) * 16 + l;
    }

    private static int lowShift(int s) {
        return ((s % 8) / 4) * 4;
    }

    private static int highBits(int s, int l) {
        return QH + (s / 8) * 32 + (s % 2) * 16 + l;
    }

    private static int highShift(int s) {
        return 2 * ((s % 8) / 2);
    }

    // Fast path. The loop body decodes one vector of LANES consecutive weights 128h + 32k + l (see
    // the layout) with h, k and l as variables: their low bits are nibble 4(k / 2) of ql, their high
    // bits bits 2k..2k+1 of qh, and they lie inside one 16-weight sub-block, so one scale multiplies
    // them. A body unrolled over the four k by hand (reading each ql and qh byte once) was too big
    // for C2 to inline its vector operations (it stopped at its node-count cutoff and the boxed
    // vectors ran ~8x slower); this small one inlines whole, and the extra byte loads hit L1.
    @Override
    void decodeRows(MemorySegment data, long matrixByte, long rowBytes, int cols, int rowFrom, int rowTo, float[] x,
                    int xStride, int tokens, float[] out, int outStride, int outOffset, float[] sums, int blocks) {
        rowLoop(this, data, matrixByte, rowBytes, cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset,
                sums, blocks);
    }

    // The quants are decoded here as in quants(), written out again: a helper that returns a vector
    // must be inlined to stay in registers, and when C2 happened to compile quants() on its own first
    // (1 start in 3), dotRow called it and its vector operations ran boxed, in Java: SmolLM2 Q4_K_M
    // decode fell from 65 to 27 tok/s.
    @Override
    float dotRow(MemorySegment data, long row, int cols, float[] x, int xOffset) {
        FloatVector acc = FloatVector.zero(F);
        long block = row;
        for (int i = 0; i < cols; i += BLOCK, block += GgmlType.Q6_K.blockBytes()) {
            float d = f16(data, block + D);
            for (int w = 0; w < BLOCK; w += LANES) {
                int h = w >> 7;
                int k = (w >> 5) & 3;
                int l = w & 31;
                IntVector low = VectorMath.unsignedBytes(data, block + QL + 64 * h + 32 * (k & 1) + l)
                        .lanewise(VectorOperators.LSHR, 4 * (k >> 1)).and(0xF);
                IntVector high = VectorMath.unsignedBytes(data, block + QH + 32 * h + l)
                        .lanewise(VectorOperators.LSHR, 2 * k).and(3).lanewise(VectorOperators.LSHL, 4);
                FloatVector q = toFloats(low.or(high).sub(32));
                acc = q.mul(load(x, xOffset + i + w)).fma(broadcast(d * i8(data, block + SCALES + w / SUB_SIZE)), acc);
            }
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** The quants − 32 of weights w..w + LANES − 1 of the super-block, as floats (w a multiple of LANES). */
    private static FloatVector quants(MemorySegment data, long block, int w) {
        int h = w >> 7;
        int k = (w >> 5) & 3;
        int l = w & 31;
        IntVector low = VectorMath.unsignedBytes(data, block + QL + 64 * h + 32 * (k & 1) + l)
                .lanewise(VectorOperators.LSHR, 4 * (k >> 1)).and(0xF);
        IntVector high = VectorMath.unsignedBytes(data, block + QH + 32 * h + l)
                .lanewise(VectorOperators.LSHR, 2 * k).and(3).lanewise(VectorOperators.LSHL, 4);
        return toFloats(low.or(high).sub(32));
    }

    @Override
    void dequantizeBlockVector(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        for (int w = 0; w < BLOCK; w += LANES) {
            quants(data, block, w).mul(d * i8(data, block + SCALES + w / SUB_SIZE)).intoArray(out, outOffset + w);
        }
    }
}
