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
 *   <li>{@link Fold#WIDEN}: the two halves of the product vector sign-extended to ints (S2I parts 0
 *       and 1) and added;
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
            for (int c = 0; c < N; c += SHORT_LANES) {
                ShortVector xs = (ShortVector) ByteVector.fromArray(B, q, i + c)
                        .convertShape(VectorOperators.B2S, S, 0);
                ShortVector pA = weights(data, blockA + QS + c).mul(xs);
                ShortVector pB = weights(data, blockB + QS + c).mul(xs);
                dotA = dotA.add(widen(pA));
                dotB = dotB.add(widen(pB));
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
            for (int c = 0; c < N; c += SHORT_LANES) {
                ShortVector xs = ShortVector.fromArray(S, q, i + c);
                dotA = dotA.add(widen(weights(data, blockA + QS + c).mul(xs)));
                dotB = dotB.add(widen(weights(data, blockB + QS + c).mul(xs)));
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
                dotA = dotA.add(pairs(weights(data, blockA + QS + c).mul(xs)));
                dotB = dotB.add(pairs(weights(data, blockB + QS + c).mul(xs)));
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
                dot = dot.add(pairs(weights(data, block + QS + c).mul(ShortVector.fromArray(S, q, qOffset + i + c))));
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
        for (; r + 3 < rows; r += 4) {
            int t = 0;
            for (; t + 3 < tokens; t += 4) {
                tile4x4(data, r * rowBytes, rowBytes, cols, q, t * cols, scales, t * blocks, out,
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

    /** out[outIndex + t * outStride + i] = row i · token t for the four rows from byte {@code row0} and the four tokens. */
    private static void tile4x4(MemorySegment data, long row0, long rowBytes, int cols, short[] q, int q0,
                                float[] scales, int s0, float[] out, int outIndex, int outStride) {
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
            IntVector d00 = IntVector.zero(I), d01 = IntVector.zero(I), d02 = IntVector.zero(I), d03 = IntVector.zero(I);
            IntVector d10 = IntVector.zero(I), d11 = IntVector.zero(I), d12 = IntVector.zero(I), d13 = IntVector.zero(I);
            IntVector d20 = IntVector.zero(I), d21 = IntVector.zero(I), d22 = IntVector.zero(I), d23 = IntVector.zero(I);
            IntVector d30 = IntVector.zero(I), d31 = IntVector.zero(I), d32 = IntVector.zero(I), d33 = IntVector.zero(I);
            for (int c = 0; c < N; c += SHORT_LANES) {
                ShortVector w0 = weights(data, b0 + QS + c);
                ShortVector w1 = weights(data, b1 + QS + c);
                ShortVector w2 = weights(data, b2 + QS + c);
                ShortVector w3 = weights(data, b3 + QS + c);
                ShortVector x0 = ShortVector.fromArray(S, q, q0 + i + c);
                d00 = d00.add(pairs(w0.mul(x0)));
                d10 = d10.add(pairs(w1.mul(x0)));
                d20 = d20.add(pairs(w2.mul(x0)));
                d30 = d30.add(pairs(w3.mul(x0)));
                ShortVector x1 = ShortVector.fromArray(S, q, q0 + cols + i + c);
                d01 = d01.add(pairs(w0.mul(x1)));
                d11 = d11.add(pairs(w1.mul(x1)));
                d21 = d21.add(pairs(w2.mul(x1)));
                d31 = d31.add(pairs(w3.mul(x1)));
                ShortVector x2 = ShortVector.fromArray(S, q, q0 + 2 * cols + i + c);
                d02 = d02.add(pairs(w0.mul(x2)));
                d12 = d12.add(pairs(w1.mul(x2)));
                d22 = d22.add(pairs(w2.mul(x2)));
                d32 = d32.add(pairs(w3.mul(x2)));
                ShortVector x3 = ShortVector.fromArray(S, q, q0 + 3 * cols + i + c);
                d03 = d03.add(pairs(w0.mul(x3)));
                d13 = d13.add(pairs(w1.mul(x3)));
                d23 = d23.add(pairs(w2.mul(x3)));
                d33 = d33.add(pairs(w3.mul(x3)));
            }
            float w0 = scale(data, b0);
            float w1 = scale(data, b1);
            float w2 = scale(data, b2);
            float w3 = scale(data, b3);
            float x0 = scales[s0 + b];
            float x1 = scales[s0 + blocks + b];
            float x2 = scales[s0 + 2 * blocks + b];
            float x3 = scales[s0 + 3 * blocks + b];
            c00 = scaled(d00, w0 * x0, c00);
            c01 = scaled(d01, w0 * x1, c01);
            c02 = scaled(d02, w0 * x2, c02);
            c03 = scaled(d03, w0 * x3, c03);
            c10 = scaled(d10, w1 * x0, c10);
            c11 = scaled(d11, w1 * x1, c11);
            c12 = scaled(d12, w1 * x2, c12);
            c13 = scaled(d13, w1 * x3, c13);
            c20 = scaled(d20, w2 * x0, c20);
            c21 = scaled(d21, w2 * x1, c21);
            c22 = scaled(d22, w2 * x2, c22);
            c23 = scaled(d23, w2 * x3, c23);
            c30 = scaled(d30, w3 * x0, c30);
            c31 = scaled(d31, w3 * x1, c31);
            c32 = scaled(d32, w3 * x2, c32);
            c33 = scaled(d33, w3 * x3, c33);
        }
        store(out, outIndex, c00, c10, c20, c30);
        store(out, outIndex + outStride, c01, c11, c21, c31);
        store(out, outIndex + 2 * outStride, c02, c12, c22, c32);
        store(out, outIndex + 3 * outStride, c03, c13, c23, c33);
    }

    private static FloatVector scaled(IntVector dot, float scale, FloatVector acc) {
        return toFloats(dot).fma(FloatVector.broadcast(F, scale), acc);
    }

    private static void store(float[] out, int at, FloatVector r0, FloatVector r1, FloatVector r2, FloatVector r3) {
        out[at] = r0.reduceLanes(VectorOperators.ADD);
        out[at + 1] = r1.reduceLanes(VectorOperators.ADD);
        out[at + 2] = r2.reduceLanes(VectorOperators.ADD);
        out[at + 3] = r3.reduceLanes(VectorOperators.ADD);
    }

    // ---------------------------------------------------------------------------------------------
    // Lane helpers

    /** {@link #SHORT_LANES} int8 weights at byte {@code offset}, sign-extended to shorts. */
    private static ShortVector weights(MemorySegment data, long offset) {
        return (ShortVector) ByteVector.fromMemorySegment(B, data, offset, ByteOrder.LITTLE_ENDIAN)
                .convertShape(VectorOperators.B2S, S, 0);
    }

    /** {@link Fold#WIDEN}: both halves of the 16-bit products sign-extended to ints and added. */
    private static IntVector widen(ShortVector products) {
        return ((IntVector) products.convertShape(VectorOperators.S2I, I, 0))
                .add((IntVector) products.convertShape(VectorOperators.S2I, I, 1));
    }

    /** {@link Fold#PAIRS}: adjacent 16-bit products summed into one int lane, without crossing lanes. */
    private static IntVector pairs(ShortVector products) {
        IntVector v = products.reinterpretAsInts();
        return v.add(v.lanewise(VectorOperators.LSHL, 16)).lanewise(VectorOperators.ASHR, 16);
    }

    private static FloatVector toFloats(IntVector v) {
        return (FloatVector) v.convert(VectorOperators.I2F, 0);
    }
}
