package dev.gannet.kernels.tensor;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shapes the fast kernels use and the float dot product they share.
 *
 * <p>The kernels are written for {@link #LANES} float lanes — 16 with AVX-512, 8 with AVX2 (or
 * {@code -XX:MaxVectorSize=32}) — reading bytes in vectors of the same lane count and widening
 * them to ints, then floats. The Vector API has no 8-bit integer dot product (llama.cpp's VNNI
 * path), so quantized weights are decoded to floats in registers and multiplied with FMA; prefill
 * amortises the decoding over a tile of tokens. Machines with narrower vectors use the scalar
 * kernels.
 */
public final class VectorMath {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int LANES = F.length();
    /** Whether the fused vector kernels run here: they need at least 8 float lanes. */
    static final boolean FUSED = LANES >= 8;
    static final VectorSpecies<Byte> BYTES = FUSED
            ? VectorSpecies.of(byte.class, VectorShape.forBitSize(LANES * 8)) : ByteVector.SPECIES_64;
    static final VectorSpecies<Integer> INTS = FUSED
            ? VectorSpecies.of(int.class, VectorShape.forBitSize(LANES * 32)) : IntVector.SPECIES_256;

    private VectorMath() {
    }

    /** {@link #LANES} bytes at {@code offset}, zero-extended to ints. */
    static IntVector unsignedBytes(java.lang.foreign.MemorySegment data, long offset) {
        return (IntVector) ByteVector.fromMemorySegment(BYTES, data, offset, java.nio.ByteOrder.LITTLE_ENDIAN)
                .convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0);
    }

    /** {@link #LANES} bytes at {@code offset}, sign-extended to ints. */
    static IntVector signedBytes(java.lang.foreign.MemorySegment data, long offset) {
        return (IntVector) ByteVector.fromMemorySegment(BYTES, data, offset, java.nio.ByteOrder.LITTLE_ENDIAN)
                .convertShape(VectorOperators.B2I, INTS, 0);
    }

    static final VectorSpecies<Short> SHORTS = FUSED
            ? VectorSpecies.of(short.class, VectorShape.forBitSize(LANES * 16)) : jdk.incubator.vector.ShortVector.SPECIES_64;
    /** 2^112: rescales a float16's exponent field, moved into float position, to float's bias. */
    private static final float HALF_TO_FLOAT_SCALE = 0x1.0p112f;

    /** {@link #LANES} little-endian 16-bit values at {@code offset}, zero-extended to ints. */
    static IntVector unsignedShorts(java.lang.foreign.MemorySegment data, long offset) {
        return (IntVector) jdk.incubator.vector.ShortVector.fromMemorySegment(SHORTS, data, offset,
                java.nio.ByteOrder.LITTLE_ENDIAN).convertShape(VectorOperators.ZERO_EXTEND_S2I, INTS, 0);
    }

    /**
     * float16 bit patterns (in the low 16 bits of each int) to floats, exactly for zero, subnormal
     * and normal values: the magnitude bits shifted into float position and multiplied by 2^112
     * re-bias the exponent (and normalise subnormals), then the sign is put back. Weights hold no
     * infinities or NaNs, which this does not preserve.
     */
    static FloatVector halfToFloat(IntVector half) {
        IntVector sign = half.and(0x8000).lanewise(VectorOperators.LSHL, 16);
        FloatVector magnitude = half.and(0x7FFF).lanewise(VectorOperators.LSHL, 13).reinterpretAsFloats()
                .mul(HALF_TO_FLOAT_SCALE);
        return magnitude.reinterpretAsInts().or(sign).reinterpretAsFloats();
    }

    static FloatVector toFloats(IntVector v) {
        return (FloatVector) v.convert(VectorOperators.I2F, 0);
    }

    static FloatVector broadcast(float value) {
        return FloatVector.broadcast(F, value);
    }

    static FloatVector load(float[] x, int offset) {
        return FloatVector.fromArray(F, x, offset);
    }

    /** Σ a[aOffset + i] · b[bOffset + i] for i < n, with four accumulators to hide FMA latency. */
    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
        int i = 0;
        float sum = 0;
        if (FUSED) {
            FloatVector acc0 = FloatVector.zero(F);
            FloatVector acc1 = FloatVector.zero(F);
            FloatVector acc2 = FloatVector.zero(F);
            FloatVector acc3 = FloatVector.zero(F);
            int step = 4 * LANES;
            for (; i + step <= n; i += step) {
                acc0 = FloatVector.fromArray(F, a, aOffset + i).fma(FloatVector.fromArray(F, b, bOffset + i), acc0);
                acc1 = FloatVector.fromArray(F, a, aOffset + i + LANES).fma(FloatVector.fromArray(F, b, bOffset + i + LANES), acc1);
                acc2 = FloatVector.fromArray(F, a, aOffset + i + 2 * LANES).fma(FloatVector.fromArray(F, b, bOffset + i + 2 * LANES), acc2);
                acc3 = FloatVector.fromArray(F, a, aOffset + i + 3 * LANES).fma(FloatVector.fromArray(F, b, bOffset + i + 3 * LANES), acc3);
            }
            for (; i + LANES <= n; i += LANES) {
                acc0 = FloatVector.fromArray(F, a, aOffset + i).fma(FloatVector.fromArray(F, b, bOffset + i), acc0);
            }
            sum = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            sum += a[aOffset + i] * b[bOffset + i];
        }
        return sum;
    }

    /**
     * out[outIndex + r] += rows_r · x for the four rows stored {@code rowStride} apart in
     * {@code rows}: x is loaded once for the four.
     */
    static void dot4(float[] rows, int rowStride, float[] x, int xOffset, int n, float[] out, int outIndex) {
        int i = 0;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        if (FUSED) {
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = FloatVector.zero(F);
            FloatVector a2 = FloatVector.zero(F);
            FloatVector a3 = FloatVector.zero(F);
            for (; i + LANES <= n; i += LANES) {
                FloatVector v = FloatVector.fromArray(F, x, xOffset + i);
                a0 = FloatVector.fromArray(F, rows, i).fma(v, a0);
                a1 = FloatVector.fromArray(F, rows, rowStride + i).fma(v, a1);
                a2 = FloatVector.fromArray(F, rows, 2 * rowStride + i).fma(v, a2);
                a3 = FloatVector.fromArray(F, rows, 3 * rowStride + i).fma(v, a3);
            }
            s0 = a0.reduceLanes(VectorOperators.ADD);
            s1 = a1.reduceLanes(VectorOperators.ADD);
            s2 = a2.reduceLanes(VectorOperators.ADD);
            s3 = a3.reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            float v = x[xOffset + i];
            s0 += rows[i] * v;
            s1 += rows[rowStride + i] * v;
            s2 += rows[2 * rowStride + i] * v;
            s3 += rows[3 * rowStride + i] * v;
        }
        out[outIndex] += s0;
        out[outIndex + 1] += s1;
        out[outIndex + 2] += s2;
        out[outIndex + 3] += s3;
    }

    /** Σ x[offset + i] for i < n. */
    static float dot1(float[] x, int offset, int n) {
        int i = 0;
        float sum = 0;
        if (FUSED) {
            FloatVector acc = FloatVector.zero(F);
            for (; i + LANES <= n; i += LANES) {
                acc = acc.add(FloatVector.fromArray(F, x, offset + i));
            }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            sum += x[offset + i];
        }
        return sum;
    }

    /** y[yOffset + i] += alpha · x[xOffset + i] for i < n. */
    public static void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
        int i = 0;
        if (FUSED) {
            FloatVector a = FloatVector.broadcast(F, alpha);
            for (; i + LANES <= n; i += LANES) {
                FloatVector.fromArray(F, x, xOffset + i).fma(a, FloatVector.fromArray(F, y, yOffset + i))
                        .intoArray(y, yOffset + i);
            }
        }
        for (; i < n; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    // exp(x) = 2^n · e^r with n = round(x / ln 2) and |r| <= ln 2 / 2; e^r by Cephes' expf
    // polynomial, 2^n built in the exponent bits. ln 2 is split in two so r keeps its precision.
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    /** 1.5 · 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUNDER = 12582912f;
    private static final float EXP_MIN = -87.33654f;
    private static final float EXP_MAX = 88.0f;

    /**
     * e^x lane by lane, relative error about 1e-7 against {@link Math#exp} for inputs in
     * [-87.3, 88]; inputs below give about 1.2e-38 (never a subnormal), above about 1.65e38 (never
     * infinity). NaN lanes are not preserved. For softmax and SiLU, where x is bounded.
     */
    public static FloatVector exp(FloatVector x) {
        FloatVector v = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector n = v.fma(LOG2E, ROUNDER).sub(ROUNDER);
        FloatVector r = n.fma(broadcast(-LN2_HIGH), v);
        r = n.fma(broadcast(-LN2_LOW), r);
        FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
        p = p.fma(r, broadcast(8.3334519073e-3f));
        p = p.fma(r, broadcast(4.1665795894e-2f));
        p = p.fma(r, broadcast(1.6666665459e-1f));
        p = p.fma(r, broadcast(5.0000001201e-1f));
        p = p.mul(r.mul(r)).add(r).add(1f);
        IntVector bits = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(bits.reinterpretAsFloats());
    }

    /** SiLU, x / (1 + e^-x), lane by lane with {@link #exp}. */
    public static FloatVector silu(FloatVector x) {
        return x.div(exp(x.neg()).add(1f));
    }

    /** The float species of the vector kernels ({@link #LANES} lanes), for callers outside this package. */
    public static VectorSpecies<Float> species() {
        return F;
    }

    /** Checks the float ranges a multiply reads and writes, once per call rather than per element. */
    static void checkMultiply(int cols, int rowFrom, int rowTo, float[] x, int xStride, int tokens,
                              float[] out, int outStride, int outOffset) {
        if (rowFrom < 0 || rowTo < rowFrom || tokens < 0 || cols < 0) {
            throw new IllegalArgumentException("bad multiply range: rows " + rowFrom + ".." + rowTo
                    + ", tokens " + tokens + ", cols " + cols);
        }
        if (tokens == 0 || rowTo == rowFrom) {
            return;
        }
        KernelArgs.checkArray("x", x, (tokens - 1) * xStride, cols);
        KernelArgs.checkArray("out", out, (tokens - 1) * outStride + outOffset + rowFrom, rowTo - rowFrom);
    }
}
