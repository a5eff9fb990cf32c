package dev.gannet.bench.jmh;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Activation rows quantized to 8 bits in blocks of 32, as llama.cpp quantizes them to Q8_0 before an
 * integer dot product: per block d = max|x| / 127 and q = x / d rounded half away from zero, so
 * q ∈ [-127, 127]. The scale stays a float (Q8_K's choice; Q8_0 rounds it to float16).
 *
 * <p>The quants are kept twice: as bytes (what llama.cpp keeps) and already widened to shorts, so a
 * kernel that multiplies in 16-bit lanes widens only the weights. An experiment for issue 3, used by
 * {@link Int8MatVecBenchmark}; not used by the engine.
 *
 * <pre>
 * bytes[tokens][cols]       int8 quants
 * shorts[tokens][cols]      the same quants as int16
 * scales[tokens][cols/32]   d per block
 * </pre>
 *
 * Reused between calls: it allocates only when a batch is larger than any before.
 */
final class Q8Activations {
    static final int BLOCK = 32;

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = F.length();
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final VectorSpecies<Short> S_HALF = VectorSpecies.of(short.class,
            VectorShape.forBitSize(LANES * 16));
    private static final VectorSpecies<Byte> B_QUARTER = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(LANES * 8));

    /** [tokens][cols] */
    private byte[] bytes = new byte[0];
    /** [tokens][cols] */
    private short[] shorts = new short[0];
    /** [tokens][cols / BLOCK] */
    private float[] scales = new float[0];
    private int tokens;
    private int cols;

    /** Quantizes rows {@code x[t * xStride .. + cols)} for t in [0, tokens), with the Vector API. */
    void quantize(float[] x, int xStride, int tokens, int cols) {
        prepare(x, xStride, tokens, cols);
        FloatVector half = FloatVector.broadcast(F, 0.5f);
        for (int t = 0; t < tokens; t++) {
            for (int b = 0; b < cols / BLOCK; b++) {
                int from = t * xStride + b * BLOCK;
                FloatVector amax = FloatVector.zero(F);
                for (int c = 0; c < BLOCK; c += LANES) {
                    amax = amax.max(FloatVector.fromArray(F, x, from + c).abs());
                }
                float d = amax.reduceLanes(VectorOperators.MAX) / 127;
                float id = d != 0 ? 1 / d : 0;
                scales[t * (cols / BLOCK) + b] = d;
                int to = t * cols + b * BLOCK;
                for (int c = 0; c < BLOCK; c += LANES) {
                    FloatVector v = FloatVector.fromArray(F, x, from + c).mul(id);
                    // v + copysign(0.5, v), truncated: C's roundf up to the rounding of that addition,
                    // which the scalar reference repeats.
                    FloatVector signedHalf = v.reinterpretAsInts().and(0x80000000)
                            .or(half.reinterpretAsInts()).reinterpretAsFloats();
                    IntVector q = (IntVector) v.add(signedHalf).convertShape(VectorOperators.F2I, I, 0);
                    q.convertShape(VectorOperators.I2S, S_HALF, 0).reinterpretAsShorts().intoArray(shorts, to + c);
                    q.convertShape(VectorOperators.I2B, B_QUARTER, 0).reinterpretAsBytes().intoArray(bytes, to + c);
                }
            }
        }
    }

    /** The scalar reference of {@link #quantize}: the same float operations, one value at a time. */
    void quantizeScalar(float[] x, int xStride, int tokens, int cols) {
        prepare(x, xStride, tokens, cols);
        for (int t = 0; t < tokens; t++) {
            for (int b = 0; b < cols / BLOCK; b++) {
                int from = t * xStride + b * BLOCK;
                float amax = 0;
                for (int j = 0; j < BLOCK; j++) {
                    amax = Math.max(amax, Math.abs(x[from + j]));
                }
                float d = amax / 127;
                float id = d != 0 ? 1 / d : 0;
                scales[t * (cols / BLOCK) + b] = d;
                for (int j = 0; j < BLOCK; j++) {
                    float v = x[from + j] * id;
                    int q = (int) (v + Math.copySign(0.5f, v));
                    shorts[t * cols + b * BLOCK + j] = (short) q;
                    bytes[t * cols + b * BLOCK + j] = (byte) q;
                }
            }
        }
    }

    private void prepare(float[] x, int xStride, int tokens, int cols) {
        if (tokens < 1 || cols % BLOCK != 0 || cols % LANES != 0 || xStride < cols) {
            throw new IllegalArgumentException("bad batch: " + tokens + " tokens of " + cols + " columns, stride "
                    + xStride + " (columns must be a multiple of " + BLOCK + ")");
        }
        if ((long) (tokens - 1) * xStride + cols > x.length) {
            throw new IndexOutOfBoundsException("x holds " + x.length + " floats, the batch needs "
                    + ((long) (tokens - 1) * xStride + cols));
        }
        int size = Math.multiplyExact(tokens, cols);
        if (bytes.length < size) {
            bytes = new byte[size];
            shorts = new short[size];
            scales = new float[size / BLOCK];
        }
        this.tokens = tokens;
        this.cols = cols;
    }

    int tokens() {
        return tokens;
    }

    int cols() {
        return cols;
    }

    /** int8 quants, [tokens][cols]. */
    byte[] bytes() {
        return bytes;
    }

    /** The quants as int16, [tokens][cols]. */
    short[] shorts() {
        return shorts;
    }

    /** Block scales, [tokens][cols / 32]. */
    float[] scales() {
        return scales;
    }
}
