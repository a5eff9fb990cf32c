package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.f16;
import static dev.gannet.kernels.tensor.LittleEndian.i32;
import static dev.gannet.kernels.tensor.LittleEndian.putF16;
import static dev.gannet.kernels.tensor.LittleEndian.putI32;
import static dev.gannet.kernels.tensor.LittleEndian.putU8;
import static dev.gannet.kernels.tensor.LittleEndian.u8;

import static dev.gannet.kernels.tensor.VectorMath.F;
import static dev.gannet.kernels.tensor.VectorMath.INTS;
import static dev.gannet.kernels.tensor.VectorMath.LANES;
import static dev.gannet.kernels.tensor.VectorMath.broadcast;
import static dev.gannet.kernels.tensor.VectorMath.load;
import static dev.gannet.kernels.tensor.VectorMath.toFloats;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import java.lang.foreign.MemorySegment;

/**
 * Q5_0: blocks of 32 weights, each a 5-bit quant offset by 16, times the block's scale.
 *
 * <pre>
 * bytes   field
 * 0..1    d        float16 scale
 * 2..5    qh       uint32, little-endian: bit j is the fifth bit of weight j
 * 6..21   qs[16]   byte j: low four bits of weight j in the low nibble, of weight j + 16 in the high;
 *                  weight = (q - 16) * d
 * </pre>
 */
final class Q5_0Kernel extends FusedBlockKernel implements Int8Repackable {
    private static final int HALF = 16;
    private static final int D = 0;
    private static final int QH = 2;
    private static final int QS = 6;
    private static final int BLOCK_BYTES = 22;

    Q5_0Kernel() {
        super(GgmlType.Q5_0);
    }

    @Override
    void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset) {
        float d = f16(data, block + D);
        int qh = i32(data, block + QH);
        for (int j = 0; j < HALF; j++) {
            int q = u8(data, block + QS + j);
            out[outOffset + j] = (low(q, qh, j) - 16) * d;
            out[outOffset + j + HALF] = (high(q, qh, j) - 16) * d;
        }
    }

    @Override
    float dotBlock(MemorySegment data, long block, float[] x, int xOffset) {
        float d = f16(data, block + D);
        int qh = i32(data, block + QH);
        float sum = 0;
        for (int j = 0; j < HALF; j++) {
            int q = u8(data, block + QS + j);
            sum += (low(q, qh, j) - 16) * d * x[xOffset + j];
            sum += (high(q, qh, j) - 16) * d * x[xOffset + j + HALF];
        }
        return sum;
    }

    /** The block's d (a float16, exact as a float) for both of its sixteens, and its quants − 16. */
    @Override
    public void repackBlock(MemorySegment data, long block, float[] scales, int scalesAt, byte[] quants, int quantsAt) {
        float d = f16(data, block + D);
        scales[scalesAt] = d;
        scales[scalesAt + 1] = d;
        int qh = i32(data, block + QH);
        for (int j = 0; j < HALF; j++) {
            int q = u8(data, block + QS + j);
            quants[quantsAt + j] = (byte) (low(q, qh, j) - 16);
            quants[quantsAt + j + HALF] = (byte) (high(q, qh, j) - 16);
        }
    }

    /** The 5-bit quant of weight j: low nibble of qs[j], fifth bit from qh bit j. */
    private static int low(int qs, int qh, int j) {
        return (qs & 0xF) | ((qh >>> j) & 1) << 4;
    }

    /** The 5-bit quant of weight j + 16: high nibble of qs[j], fifth bit from qh bit j + 16. */
    private static int high(int qs, int qh, int j) {
        return (qs >> 4) | ((qh >>> (j + HALF)) & 1) << 4;
    }

    /** llama.cpp's quantize_row_q5_0_ref: as Q4_0 with 32 levels, d = max / -16, quants v / d + 16.5 truncated. */
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
        float d = max / -16;
        float id = d != 0 ? 1 / d : 0;
        putF16(data, block + D, d);
        int qh = 0;
        for (int j = 0; j < HALF; j++) {
            int q0 = Math.min(31, (int) (values[valuesOffset + j] * id + 16.5f));
            int q1 = Math.min(31, (int) (values[valuesOffset + j + HALF] * id + 16.5f));
            putU8(data, block + QS + j, (q0 & 0xF) | (q1 & 0xF) << 4);
            qh |= (q0 >> 4) << j | (q1 >> 4) << (j + HALF);
        }
        putI32(data, block + QH, qh);
    }

    // Fast paths. A weight is (nibble + 16·bit − 16)·d, so a block's dot product is
    // d·(Σ nibble·x + 16·Σ_{bit set} x − 16·Σx). The dot products take Σ_{bit set} x as a masked add
    // with qh's bits as the mask (one instruction on AVX-512, no bit shuffling per lane), and −16·Σx
    // once per block (from the per-block sums when given). Dequantization still builds the 5-bit
    // quants: qh << 4 broadcast and shifted right by each lane's index brings bit j to bit 4; qh >>> 12
    // does the same for bit j + 16.

    /** The fifth bits of one half's LANES weights from {@code c}, at bit 4 (bits: qh moved as above). */
    private static IntVector fifthBitValues(IntVector bits, int c) {
        return bits.lanewise(VectorOperators.LSHR, IntVector.zero(INTS).addIndex(1).add(c)).and(16);
    }

    /** Lane j is set where bit j of {@code bits} is: the fifth bits of LANES weights, as a mask. */
    private static VectorMask<Float> fifthBits(int bits) {
        return VectorMask.fromLong(F, bits);
    }

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
            int qh = i32(data, block + QH);
            FloatVector nibbleDot = FloatVector.zero(F);
            FloatVector fifthSum = FloatVector.zero(F);
            FloatVector xSum = FloatVector.zero(F);
            for (int c = 0; c < HALF; c += LANES) {
                IntVector q = VectorMath.unsignedBytes(data, block + QS + c);
                FloatVector xLow = load(x, xOffset + i + c);
                FloatVector xHigh = load(x, xOffset + i + HALF + c);
                nibbleDot = toFloats(q.and(0xF)).fma(xLow, toFloats(q.lanewise(VectorOperators.LSHR, 4)).fma(xHigh, nibbleDot));
                fifthSum = fifthSum.add(xLow, fifthBits(qh >>> c)).add(xHigh, fifthBits(qh >>> (HALF + c)));
                xSum = xSum.add(xLow.add(xHigh));
            }
            acc = fifthSum.sub(xSum).fma(broadcast(16), nibbleDot).fma(broadcast(f16(data, block + D)), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    @Override
    boolean needsBlockSums() {
        return true;
    }

    // As dotRow, with −16·d·Σx taken from the per-block sums: one scalar FMA per block.
    @Override
    float dotRowWithSums(MemorySegment data, long row, int cols, float[] x, int xOffset, float[] sums, int sumsOffset) {
        FloatVector acc = FloatVector.zero(F);
        float offsets = 0;
        long block = row;
        for (int i = 0, b = sumsOffset; i < cols; i += 2 * HALF, block += BLOCK_BYTES, b++) {
            int qh = i32(data, block + QH);
            FloatVector nibbleDot = FloatVector.zero(F);
            FloatVector fifthSum = FloatVector.zero(F);
            for (int c = 0; c < HALF; c += LANES) {
                IntVector q = VectorMath.unsignedBytes(data, block + QS + c);
                FloatVector xLow = load(x, xOffset + i + c);
                FloatVector xHigh = load(x, xOffset + i + HALF + c);
                nibbleDot = toFloats(q.and(0xF)).fma(xLow, toFloats(q.lanewise(VectorOperators.LSHR, 4)).fma(xHigh, nibbleDot));
                fifthSum = fifthSum.add(xLow, fifthBits(qh >>> c)).add(xHigh, fifthBits(qh >>> (HALF + c)));
            }
            float d = f16(data, block + D);
            acc = fifthSum.fma(broadcast(16), nibbleDot).fma(broadcast(d), acc);
            offsets += d * sums[b];
        }
        return acc.reduceLanes(VectorOperators.ADD) - 16 * offsets;
    }

    @Override
    boolean decodesRowPairs() {
        return true;
    }

    // Two rows at once: each x vector loaded once for both, and two independent chains.
    @Override
    void dotTwoRows(MemorySegment data, long rowA, long rowB, int cols, float[] x, float[] sums, float[] out, int at) {
        if (sums == null) {
            super.dotTwoRows(data, rowA, rowB, cols, x, null, out, at);
            return;
        }
        FloatVector accA = FloatVector.zero(F);
        FloatVector accB = FloatVector.zero(F);
        float offsetsA = 0;
        float offsetsB = 0;
        long blockA = rowA;
        long blockB = rowB;
        for (int i = 0, b = 0; i < cols; i += 2 * HALF, blockA += BLOCK_BYTES, blockB += BLOCK_BYTES, b++) {
            int qhA = i32(data, blockA + QH);
            int qhB = i32(data, blockB + QH);
            FloatVector dotA = FloatVector.zero(F);
            FloatVector dotB = FloatVector.zero(F);
            FloatVector fifthA = FloatVector.zero(F);
            FloatVector fifthB = FloatVector.zero(F);
            for (int c = 0; c < HALF; c += LANES) {
                FloatVector xLow = load(x, i + c);
                FloatVector xHigh = load(x, i + HALF + c);
                IntVector qA = VectorMath.unsignedBytes(data, blockA + QS + c);
                IntVector qB = VectorMath.unsignedBytes(data, blockB + QS + c);
                dotA = toFloats(qA.and(0xF)).fma(xLow, toFloats(qA.lanewise(VectorOperators.LSHR, 4)).fma(xHigh, dotA));
                dotB = toFloats(qB.and(0xF)).fma(xLow, toFloats(qB.lanewise(VectorOperators.LSHR, 4)).fma(xHigh, dotB));
                fifthA = fifthA.add(xLow, fifthBits(qhA >>> c)).add(xHigh, fifthBits(qhA >>> (HALF + c)));
                fifthB = fifthB.add(xLow, fifthBits(qhB >>> c)).add(xHigh, fifthBits(qhB >>> (HALF + c)));
            }
            float dA = f16(data, blockA + D);
            float dB = f16(data, blockB + D);
            accA = fifthA.fma(broadcast(16), dotA).fma(broadcast(dA), accA);
            accB = fifthB.fma(broadcast(16), dotB).fma(broadcast(dB), accB);
            offsetsA += dA * sums[b];
            offsetsB += dB * sums[b];
        }
        out[at] = accA.reduceLanes(VectorOperators.ADD) - 16 * offsetsA;
        out[at + 1] = accB.reduceLanes(VectorOperators.ADD) - 16 * offsetsB;
    }

    @Override
    void dequantizeBlockVector(MemorySegment data, long block, float[] out, int outOffset) {
        FloatVector d = broadcast(f16(data, block + D));
        int qh = i32(data, block + QH);
        IntVector lowBits = IntVector.broadcast(INTS, qh << 4);
        IntVector highBits = IntVector.broadcast(INTS, qh >>> 12);
        for (int c = 0; c < HALF; c += LANES) {
            IntVector q = VectorMath.unsignedBytes(data, block + QS + c);
            toFloats(q.and(0xF).or(fifthBitValues(lowBits, c)).sub(16)).mul(d).intoArray(out, outOffset + c);
            toFloats(q.lanewise(VectorOperators.LSHR, 4).or(fifthBitValues(highBits, c)).sub(16)).mul(d)
                    .intoArray(out, outOffset + HALF + c);
        }
    }
}
