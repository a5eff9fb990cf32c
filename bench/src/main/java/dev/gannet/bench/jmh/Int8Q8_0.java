package dev.gannet.bench.jmh;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Q8_0 weights × {@link Q8Activations} with integer products, the way llama.cpp's
 * {@code ggml_vec_dot_q8_0_q8_0} does it — an experiment for issue 3, measured against the float
 * kernels by {@link Int8MatVecBenchmark}; not used by the engine.
 *
 * <p>Per block of 32: Σ w_j·q_j in integers, then one float FMA with d_w·d_x. The Vector API has no
 * 8-bit dot product (VNNI's vpdpbusd) nor 16-bit multiply-add (vpmaddwd), so the products are formed
 * in 16-bit lanes — int8 × int8 in [-128, 127] × [-127, 127] fits — and the 32 products of a block
 * are folded to 16 int32 lanes by one of two means:
 *
 * <ul>
 *   <li>{@link Fold#WIDEN}: products formed {@link #LANES} at a time in half-width short vectors and
 *       sign-extended to one int vector each (S2I). Written first as one full-width product vector
 *       whose halves are widened with S2I parts 0 and 1, it ran 7× slower: C2 (JDK 25) does not
 *       intrinsify the part-1 expansion and falls back to Java code;
 *   <li>{@link Fold#PAIRS}: the product vector reread as ints, each holding two products p_lo and
 *       p_hi; {@code (v + (v << 16)) >> 16} leaves p_lo + p_hi sign-extended (it fits in 16 bits:
 *       |p_lo + p_hi| ≤ 2·128·127 = 32512). Three in-lane operations, no lane crossing.
 * </ul>
 *
 * Block layout: bytes 0..1 the float16 scale d, bytes 2..33 the 32 int8 quants.
 */
final class Int8Q8_0 {
    private static final int N = 32;
    private static final int QS = 2;
    private static final int BLOCK_BYTES = 34;
    private static final ValueLayout.OfShort HALF = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    /** As many shorts as a float vector's bits hold: 32 with AVX-512, one whole block. */
    private static final VectorSpecies<Short> S = VectorSpecies.of(short.class, F.vectorShape());
    /** Bytes that widen to one {@link #S}: half a float vector's bits. */
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(F.vectorBitSize() / 2));
    private static final int SHORT_LANES = S.length();
    private static final int LANES = F.length();
    /** Half of {@link #S}: as many shorts as a float vector has lanes, whose products widen to one int vector. */
    private static final VectorSpecies<Short> S_HALF = VectorSpecies.of(short.class,
            VectorShape.forBitSize(F.vectorBitSize() / 2));
    /** Bytes that widen to one {@link #S_HALF}. */
    private static final VectorSpecies<Byte> B_HALF = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(F.vectorBitSize() / 4));

    /** How 16-bit products become 32-bit sums. */
    enum Fold { WIDEN, PAIRS }

    /** Where the activation quants come from: bytes widened per use, or shorts widened once by the quantizer. */
    enum Source { BYTES, SHORTS }

    private Int8Q8_0() {
    }

    /** Whether these kernels run here: a short vector must hold a whole number of lanes per block. */
    static boolean runsHere() {
        return F.length() >= 8 && N % SHORT_LANES == 0;
    }

    // ---------------------------------------------------------------------------------------------
    // Scalar reference

    /**
     * out[t * outStride + r] = Σ over blocks b of (Σ_j w_j·q_j) · (d_w · d_x), the integer sums exact,
     * for rows [0, rows) and every token of {@code x}.
     */
    static void multiplyScalar(MemorySegment data, int rows, Q8Activations x, float[] out, int outStride) {
        int cols = x.cols();
        int blocks = cols / N;
        long rowBytes = (long) blocks * BLOCK_BYTES;
        for (int t = 0; t < x.tokens(); t++) {
            for (int r = 0; r < rows; r++) {
                float sum = 0;
                for (int b = 0; b < blocks; b++) {
                    long block = r * rowBytes + (long) b * BLOCK_BYTES;
                    int dot = 0;
                    for (int j = 0; j < N; j++) {
                        dot += data.get(ValueLayout.JAVA_BYTE, block + QS + j) * x.bytes()[t * cols + b * N + j];
                    }
                    sum += dot * (scale(data, block) * x.scales()[t * blocks + b]);
                }
                out[t * outStride + r] = sum;
            }
        }
    }

    private static float scale(MemorySegment data, long block) {
        return Float.float16ToFloat(data.get(HALF, block));
    }

    // ---------------------------------------------------------------------------------------------
    // Decode: one token, two rows at a time (as the float kernel's dotTwoRows)

    /** out[r] = row r · x_0 for rows [0, rows), with the given activation source and fold. */
    static void multiply(MemorySegment data, int rows, Q8Activations x, float[] out, Source source, Fold fold) {
        int cols = x.cols();
        long rowBytes = (long) cols / N * BLOCK_BYTES;
        int r = 0;
        for (; r + 1 < rows; r += 2) {
            long row = r * rowBytes;
            if (source == Source.SHORTS) {
                if (fold == Fold.PAIRS) {
                    twoRowsShortsPairs(data, row, row + rowBytes, cols, x.shorts(), x.scales(), out, r);
                } else {
                    twoRowsShortsWiden(data, row, row + rowBytes, cols, x.shorts(), x.scales(), out, r);
                }
            } else {
                twoRowsBytesWiden(data, row, row + rowBytes, cols, x.bytes(), x.scales(), out, r);
            }
        }
        for (; r < rows; r++) {
            out[r] = oneRow(data, r * rowBytes, cols, x.shorts(), 0, x.scales(), 0);
        }
    }

    /** Activations as bytes, both operands widened per block, halves widened to ints: issue 3's recipe. */
    private static void twoRowsBytesWiden(MemorySegment data, long rowA, long rowB, int cols, byte[] q,
                                          float[] scales, float[] out, int at) {
        FloatVector accA = FloatVector.zero(F);
        FloatVector accB = FloatVector.zero(F);
        long blockA = rowA;
        long blockB = rowB;
        for (int i = 0, b = 0; i < cols; i += N, b++, blockA += BLOCK_BYTES, blockB += BLOCK_BYTES) {
            IntVector dotA = IntVector.zero(I);
            IntVector dotB = IntVector.zero(I);
            for (int c = 0; c < N; c += LANES) {
                ShortVector xs = (ShortVector) ByteVector.fromArray(B_HALF, q, i + c)
                        .convertShape(VectorOperators.B2S, S_HALF, 0);
                ShortVector pA = halfWeights(data, blockA + QS + c).mul(xs);
                ShortVector pB = halfWeights(data, blockB + QS + c).mul(xs);
                dotA = dotA.add((IntVector) pA.convertShape(VectorOperators.S2I, I, 0));
                dotB = dotB.add((IntVector) pB.convertShape(VectorOperators.S2I, I, 0));
            }
            float dx = scales[b];
            accA = toFloats(dotA).fma(FloatVector.broadcast(F, scale(data, blockA) * dx), accA);
            accB = toFloats(dotB).fma(FloatVector.broadcast(F, scale(data, blockB) * dx), accB);
        }
        out[at] = accA.reduceLanes(VectorOperators.ADD);
        out[at + 1] = accB.reduceLanes(VectorOperators.ADD);
    }

    /** Activations pre-widened to shorts, halves widened to ints. */
    private static void twoRowsShortsWiden(MemorySegment data, long rowA, long rowB, int cols, short[] q,
                                           float[] scales, float[] out, int at) {
        FloatVector accA = FloatVector.zero(F);
        FloatVector accB = FloatVector.zero(F);
        long blockA = rowA;
        long blockB = rowB;
        for (int i = 0, b = 0; i < cols; i += N, b++, blockA += BLOCK_BYTES, blockB += BLOCK_BYTES) {
            IntVector dotA = IntVector.zero(I);
            IntVector dotB = IntVector.zero(I);
            for (int c = 0; c < N; c += LANES) {
                ShortVector xs = ShortVector.fromArray(S_HALF, q, i + c);
                ShortVector pA = halfWeights(data, blockA + QS + c).mul(xs);
                ShortVector pB = halfWeights(data, blockB + QS + c).mul(xs);
                dotA = dotA.add((IntVector) pA.convertShape(VectorOperators.S2I, I, 0));
                dotB = dotB.add((IntVector) pB.convertShape(VectorOperators.S2I, I, 0));
            }
            float dx = scales[b];
            accA = toFloats(dotA).fma(FloatVector.broadcast(F, scale(data, blockA) * dx), accA);
            accB = toFloats(dotB).fma(FloatVector.broadcast(F, scale(data, blockB) * dx), accB);
        }
        out[at] = accA.reduceLanes(VectorOperators.ADD);
        out[at + 1] = accB.reduceLanes(VectorOperators.ADD);
    }

    /** Activations pre-widened to shorts, products folded in pairs in place. */
    private static void twoRowsShortsPairs(MemorySegment data, long rowA, long rowB, int cols, short[] q,
                                           float[] scales, float[] out, int at) {
        FloatVector accA = FloatVector.zero(F);
        FloatVector accB = FloatVector.zero(F);
        long blockA = rowA;
        long blockB = rowB;
        for (int i = 0, b = 0; i < cols; i += N, b++, blockA += BLOCK_BYTES, blockB += BLOCK_BYTES) {
            IntVector dotA = IntVector.zero(I);
            IntVector dotB = IntVector.zero(I);
            for (int c = 0; c < N; c += SHORT_LANES) {
                ShortVector xs = ShortVector.fromArray(S, q, i + c);
                IntVector pA = weights(data, blockA + QS + c).mul(xs).reinterpretAsInts();
                IntVector pB = weights(data, blockB + QS + c).mul(xs).reinterpretAsInts();
                dotA = dotA.add(pA.add(pA.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16));
                dotB = dotB.add(pB.add(pB.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16));
            }
            float dx = scales[b];
            accA = toFloats(dotA).fma(FloatVector.broadcast(F, scale(data, blockA) * dx), accA);
            accB = toFloats(dotB).fma(FloatVector.broadcast(F, scale(data, blockB) * dx), accB);
        }
        out[at] = accA.reduceLanes(VectorOperators.ADD);
        out[at + 1] = accB.reduceLanes(VectorOperators.ADD);
    }

    /** One row (from byte {@code row}) · token at {@code q[qOffset ..]}: shorts, pairs fold. */
    private static float oneRow(MemorySegment data, long row, int cols, short[] q, int qOffset, float[] scales,
                                int scalesOffset) {
        FloatVector acc = FloatVector.zero(F);
        long block = row;
        for (int i = 0, b = 0; i < cols; i += N, b++, block += BLOCK_BYTES) {
            IntVector dot = IntVector.zero(I);
            for (int c = 0; c < N; c += SHORT_LANES) {
                IntVector p = weights(data, block + QS + c).mul(ShortVector.fromArray(S, q, qOffset + i + c))
                        .reinterpretAsInts();
                dot = dot.add(p.add(p.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16));
            }
            acc = toFloats(dot).fma(FloatVector.broadcast(F, scale(data, block) * scales[scalesOffset + b]), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    // ---------------------------------------------------------------------------------------------
    // Prefill: four rows by four tokens per tile

    /**
     * out[t * outStride + r] = row r · x_t for rows [0, rows) and every token of {@code x}: tiles of
     * four rows by four tokens, each weight vector widened once for four tokens and each activation
     * vector loaded once for four rows; shorts, pairs fold.
     */
    static void multiplyBatch(MemorySegment data, int rows, Q8Activations x, float[] out, int outStride) {
        int cols = x.cols();
        int blocks = cols / N;
        long rowBytes = (long) blocks * BLOCK_BYTES;
        int tokens = x.tokens();
        short[] q = x.shorts();
        float[] scales = x.scales();
        int r = 0;
        float[] wScales = new float[4 * blocks];    // [4][blocks]: the tile's weight scales, as floats
        for (; r + 3 < rows; r += 4) {
            for (int i = 0; i < 4 * blocks; i++) {
                wScales[i] = scale(data, (r + i / blocks) * rowBytes + (long) (i % blocks) * BLOCK_BYTES);
            }
            int t = 0;
            for (; t + 3 < tokens; t += 4) {
                tile4x4(data, r * rowBytes, rowBytes, cols, wScales, q, t * cols, scales, t * blocks, out,
                        t * outStride + r, outStride);
            }
            for (; t < tokens; t++) {
                for (int i = 0; i < 4; i++) {
                    out[t * outStride + r + i] = oneRow(data, (r + i) * rowBytes, cols, q, t * cols, scales, t * blocks);
                }
            }
        }
        for (; r < rows; r++) {
            for (int t = 0; t < tokens; t++) {
                out[t * outStride + r] = oneRow(data, r * rowBytes, cols, q, t * cols, scales, t * blocks);
            }
        }
    }

    /**
     * out[outIndex + t * outStride + i] = row i · token t for the four rows from byte {@code row0} and the
     * four tokens. Each 16-bit product vector is folded, converted and scaled at once, the weight scales
     * come decoded in {@code wScales} [4][blocks], and nothing is a call: with 16 int accumulators per
     * block, helpers for the fold and the float16 reads in the loop, the method passed C2's inlining
     * node budget, a call stayed in the loop (spilling all 16 accumulators) and it ran 10–20× slower.
     */
    private static void tile4x4(MemorySegment data, long row0, long rowBytes, int cols, float[] wScales, short[] q,
                                int q0, float[] scales, int s0, float[] out, int outIndex, int outStride) {
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F), c02 = FloatVector.zero(F), c03 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F), c12 = FloatVector.zero(F), c13 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F), c22 = FloatVector.zero(F), c23 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F), c32 = FloatVector.zero(F), c33 = FloatVector.zero(F);
        int blocks = cols / N;
        long b0 = row0;
        long b1 = row0 + rowBytes;
        long b2 = row0 + 2 * rowBytes;
        long b3 = row0 + 3 * rowBytes;
        for (int i = 0, b = 0; i < cols; i += N, b++, b0 += BLOCK_BYTES, b1 += BLOCK_BYTES, b2 += BLOCK_BYTES,
                b3 += BLOCK_BYTES) {
            float sw0 = wScales[0 * blocks + b];
            float sw1 = wScales[1 * blocks + b];
            float sw2 = wScales[2 * blocks + b];
            float sw3 = wScales[3 * blocks + b];
            float sx0 = scales[s0 + b];
            float sx1 = scales[s0 + blocks + b];
            float sx2 = scales[s0 + 2 * blocks + b];
            float sx3 = scales[s0 + 3 * blocks + b];
            for (int c = 0; c < N; c += SHORT_LANES) {
                ShortVector w0 = (ShortVector) ByteVector.fromMemorySegment(B, data, b0 + QS + c, ByteOrder.LITTLE_ENDIAN)
                        .convertShape(VectorOperators.B2S, S, 0);
                ShortVector w1 = (ShortVector) ByteVector.fromMemorySegment(B, data, b1 + QS + c, ByteOrder.LITTLE_ENDIAN)
                        .convertShape(VectorOperators.B2S, S, 0);
                ShortVector w2 = (ShortVector) ByteVector.fromMemorySegment(B, data, b2 + QS + c, ByteOrder.LITTLE_ENDIAN)
                        .convertShape(VectorOperators.B2S, S, 0);
                ShortVector w3 = (ShortVector) ByteVector.fromMemorySegment(B, data, b3 + QS + c, ByteOrder.LITTLE_ENDIAN)
                        .convertShape(VectorOperators.B2S, S, 0);
                ShortVector x0 = ShortVector.fromArray(S, q, q0 + i + c);
                IntVector p00 = w0.mul(x0).reinterpretAsInts();
                c00 = ((FloatVector) p00.add(p00.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw0 * sx0), c00);
                IntVector p10 = w1.mul(x0).reinterpretAsInts();
                c10 = ((FloatVector) p10.add(p10.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw1 * sx0), c10);
                IntVector p20 = w2.mul(x0).reinterpretAsInts();
                c20 = ((FloatVector) p20.add(p20.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw2 * sx0), c20);
                IntVector p30 = w3.mul(x0).reinterpretAsInts();
                c30 = ((FloatVector) p30.add(p30.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw3 * sx0), c30);
                ShortVector x1 = ShortVector.fromArray(S, q, q0 + cols + i + c);
                IntVector p01 = w0.mul(x1).reinterpretAsInts();
                c01 = ((FloatVector) p01.add(p01.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw0 * sx1), c01);
                IntVector p11 = w1.mul(x1).reinterpretAsInts();
                c11 = ((FloatVector) p11.add(p11.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw1 * sx1), c11);
                IntVector p21 = w2.mul(x1).reinterpretAsInts();
                c21 = ((FloatVector) p21.add(p21.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw2 * sx1), c21);
                IntVector p31 = w3.mul(x1).reinterpretAsInts();
                c31 = ((FloatVector) p31.add(p31.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw3 * sx1), c31);
                ShortVector x2 = ShortVector.fromArray(S, q, q0 + 2 * cols + i + c);
                IntVector p02 = w0.mul(x2).reinterpretAsInts();
                c02 = ((FloatVector) p02.add(p02.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw0 * sx2), c02);
                IntVector p12 = w1.mul(x2).reinterpretAsInts();
                c12 = ((FloatVector) p12.add(p12.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw1 * sx2), c12);
                IntVector p22 = w2.mul(x2).reinterpretAsInts();
                c22 = ((FloatVector) p22.add(p22.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw2 * sx2), c22);
                IntVector p32 = w3.mul(x2).reinterpretAsInts();
                c32 = ((FloatVector) p32.add(p32.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw3 * sx2), c32);
                ShortVector x3 = ShortVector.fromArray(S, q, q0 + 3 * cols + i + c);
                IntVector p03 = w0.mul(x3).reinterpretAsInts();
                c03 = ((FloatVector) p03.add(p03.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw0 * sx3), c03);
                IntVector p13 = w1.mul(x3).reinterpretAsInts();
                c13 = ((FloatVector) p13.add(p13.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw1 * sx3), c13);
                IntVector p23 = w2.mul(x3).reinterpretAsInts();
                c23 = ((FloatVector) p23.add(p23.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw2 * sx3), c23);
                IntVector p33 = w3.mul(x3).reinterpretAsInts();
                c33 = ((FloatVector) p33.add(p33.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16)
                        .convert(VectorOperators.I2F, 0)).fma(FloatVector.broadcast(F, sw3 * sx3), c33);
            }
        }
        out[outIndex] = c00.reduceLanes(VectorOperators.ADD);
        out[outIndex + 1] = c10.reduceLanes(VectorOperators.ADD);
        out[outIndex + 2] = c20.reduceLanes(VectorOperators.ADD);
        out[outIndex + 3] = c30.reduceLanes(VectorOperators.ADD);
        out[outIndex + outStride] = c01.reduceLanes(VectorOperators.ADD);
        out[outIndex + outStride + 1] = c11.reduceLanes(VectorOperators.ADD);
        out[outIndex + outStride + 2] = c21.reduceLanes(VectorOperators.ADD);
        out[outIndex + outStride + 3] = c31.reduceLanes(VectorOperators.ADD);
        out[outIndex + 2 * outStride] = c02.reduceLanes(VectorOperators.ADD);
        out[outIndex + 2 * outStride + 1] = c12.reduceLanes(VectorOperators.ADD);
        out[outIndex + 2 * outStride + 2] = c22.reduceLanes(VectorOperators.ADD);
        out[outIndex + 2 * outStride + 3] = c32.reduceLanes(VectorOperators.ADD);
        out[outIndex + 3 * outStride] = c03.reduceLanes(VectorOperators.ADD);
        out[outIndex + 3 * outStride + 1] = c13.reduceLanes(VectorOperators.ADD);
        out[outIndex + 3 * outStride + 2] = c23.reduceLanes(VectorOperators.ADD);
        out[outIndex + 3 * outStride + 3] = c33.reduceLanes(VectorOperators.ADD);
    }

    // ---------------------------------------------------------------------------------------------
    // Lane helpers

    /** {@link #LANES} int8 weights at byte {@code offset}, sign-extended to shorts. */
    private static ShortVector halfWeights(MemorySegment data, long offset) {
        return (ShortVector) ByteVector.fromMemorySegment(B_HALF, data, offset, ByteOrder.LITTLE_ENDIAN)
                .convertShape(VectorOperators.B2S, S_HALF, 0);
    }

    /** {@link #SHORT_LANES} int8 weights at byte {@code offset}, sign-extended to shorts. */
    private static ShortVector weights(MemorySegment data, long offset) {
        return (ShortVector) ByteVector.fromMemorySegment(B, data, offset, ByteOrder.LITTLE_ENDIAN)
                .convertShape(VectorOperators.B2S, S, 0);
    }

    private static FloatVector toFloats(IntVector v) {
        return (FloatVector) v.convert(VectorOperators.I2F, 0);
    }
}
