package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class QuantizerTest {

    // ---------------------------------------------------------------- bit-exact with llama.cpp

    /**
     * The fixture files were written by llama.cpp's reference quantizers from the same weights as
     * the F32 file, so quantizing those weights must give the very same bytes.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "llama-s7-f16, F16", "llama-s7-bf16, BF16", "llama-s7-q8_0, Q8_0", "llama-s7-q4_0, Q4_0",
        "llama-s7-q4_1, Q4_1", "llama-s7-q5_0, Q5_0", "llama-s7-q5_1, Q5_1",
    })
    void reproducesLlamaCppQuantizationOfFixture(String model, GgmlType type) {
        float[] weights = fixtureWeights("llama-s7-f32");
        byte[] expected;
        try (GgufFile file = GgufReader.open(Fixtures.model(model))) {
            GgufTensorInfo tensor = file.tensor(Fixtures.ATTN_OUTPUT);
            assertEquals(type, tensor.type());
            expected = tensor.data().toArray(ValueLayout.JAVA_BYTE);
        }
        byte[] actual = Quantizer.quantize(type, weights);
        int mismatch = Arrays.mismatch(expected, actual);
        if (mismatch >= 0) {
            fail(type + ": first differing byte " + mismatch + ", in block " + mismatch / type.blockBytes());
        }
    }

    /** d = 127 / 127 = 1 exactly, so each quant is its value rounded: halves go away from zero. */
    @Test
    void q8_0RoundsHalvesAwayFromZero() {
        float[] block = new float[32];
        float[] head = {127, -2.5f, 2.5f, -0.5f, 0.5f, 126.5f, -127, 0.49999997f, 1.4999999f, -1.5f, 3.2f, -3.7f};
        System.arraycopy(head, 0, block, 0, head.length);
        byte[] expected = new byte[34];
        expected[0] = 0x00; // d = 1.0 as float16: 0x3C00, little-endian
        expected[1] = 0x3C;
        byte[] quants = {127, -3, 3, -1, 1, 127, -127, 0, 1, -2, 3, -4};
        System.arraycopy(quants, 0, expected, 2, quants.length);
        assertArrayEquals(expected, Quantizer.quantize(GgmlType.Q8_0, block));
    }

    /**
     * max |v| = 1: d = 1/127 (float16 0x2008, 1.0078125 * 2^-7), and 1/d rounds back to exactly
     * 127 in float, so quants are v * 127 rounded half away from zero.
     */
    @Test
    void q8_0WithKnownMaximum() {
        float[] block = new float[32];
        float[] head = {1, -1, 0.5f, -0.5f, 0.25f, 0.1f, -0.7f};
        System.arraycopy(head, 0, block, 0, head.length);
        byte[] actual = Quantizer.quantize(GgmlType.Q8_0, block);
        // 127, -127, 63.5 -> 64, -63.5 -> -64, 31.75 -> 32, 12.7 -> 13, -88.9 -> -89
        assertEquals("0820" + "7f" + "81" + "40" + "c0" + "20" + "0d" + "a7" + "00".repeat(25),
                HexFormat.of().formatHex(actual));
    }

    /**
     * The first value of largest magnitude, -8, sets d = -8 / -8 = 1 (a later +8 does not replace
     * it); quants are v + 8.5 truncated, capped at 15; byte j holds values j (low) and j + 16 (high).
     */
    @Test
    void q4_0WithNegativeMaximum() {
        float[] block = new float[32];
        float[] low = {-8, 7.9f, 0.5f, -0.5f, 2.49f, -3};
        float[] high = {1, -8, 8, 6.5f, -7.6f, 0};
        System.arraycopy(low, 0, block, 0, low.length);
        System.arraycopy(high, 0, block, 16, high.length);
        // low quants:  0, 15 (16.4 capped), 9, 8, 10, 5; high quants: 9, 0, 15 (16.5 capped), 15, 0, 8
        // every other pair is 0 and 0 -> 8 | 8 << 4 = 0x88
        assertEquals("003c" + "90" + "0f" + "f9" + "f8" + "0a" + "85" + "88".repeat(10),
                HexFormat.of().formatHex(Quantizer.quantize(GgmlType.Q4_0, block)));
    }

    /** A positive maximum gives a negative d: 4 sets d = -0.5 (0xB800), so quants are -2v + 8.5 truncated. */
    @Test
    void q4_0WithPositiveMaximum() {
        float[] block = new float[32];
        float[] low = {4, -4, 1, 0.25f, 0.3f};
        System.arraycopy(low, 0, block, 0, low.length);
        // 0.5 -> 0, 16.5 -> 15 (-4 clips to -3.5, as in llama.cpp), 6.5 -> 6, 8 -> 8, 7.9 -> 7; zeros -> 8
        assertEquals("00b8" + "80" + "8f" + "86" + "88" + "87" + "88".repeat(11),
                HexFormat.of().formatHex(Quantizer.quantize(GgmlType.Q4_0, block)));
    }

    // ---------------------------------------------------------------- round trips

    /** Quantizing then dequantizing stays within each type's error bound, block by block. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.gannet.kernels.tensor.TensorKernels#supported")
    void roundTripStaysWithinBound(GgmlType type) {
        float[] values = testValues(new Random(42));
        float[] back = new float[values.length];
        byte[] bytes = Quantizer.quantize(type, values);
        assertEquals(type.bytesFor(values.length), bytes.length);
        TensorKernels.of(type).dequantize(MemorySegment.ofArray(bytes), 0, back, 0, back.length);
        int group = Math.max(32, type.blockSize()); // the legacy blocks' scale covers 32 values, a K-quant's 256
        for (int start = 0; start < values.length; start += group) {
            float amax = 0;
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (int i = start; i < start + group; i++) {
                amax = Math.max(amax, Math.abs(values[i]));
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
            for (int i = start; i < start + group; i++) {
                double bound = bound(type, values[i], amax, max - min);
                double error = Math.abs((double) back[i] - values[i]);
                if (error > bound) {
                    fail(type + ": value " + i + " = " + values[i] + " came back as " + back[i] + ", error "
                            + error + " above the bound " + bound + " (block max |v| " + amax + ")");
                }
            }
        }
    }

    /** The worst error each type allows for value v in a block of largest magnitude amax and range max - min. */
    private static double bound(GgmlType type, float v, float amax, float range) {
        double slack = 1e-6 * amax; // float rounding in the quantizer's own arithmetic
        return switch (type) {
            case F32 -> 0;
            case F16 -> float16Error(v);
            case BF16 -> Math.abs(v) / 256;
            // half a step d = amax / 127, plus the float16 rounding of d times up to 127 steps
            case Q8_0 -> amax / 127.0 / 2 + 127 * float16Error(amax / 127.0) + slack;
            // the opposite extreme of the largest value clips to 7 steps: a whole step, |d| = amax / 8
            case Q4_0 -> amax / 8.0 + 8 * float16Error(amax / 8.0) + slack;
            case Q5_0 -> amax / 16.0 + 16 * float16Error(amax / 16.0) + slack;
            // half a step of range / levels, plus the float16 roundings of d and of the minimum
            case Q4_1 -> range / 15.0 / 2 + 15 * float16Error(range / 15.0) + float16Error(amax) + slack;
            case Q5_1 -> range / 31.0 / 2 + 31 * float16Error(range / 31.0) + float16Error(amax) + slack;
            case Q2_K -> affineBound(amax, 3, 15) + slack;
            case Q4_K -> affineBound(amax, 15, 63) + slack;
            case Q5_K -> affineBound(amax, 31, 63) + slack;
            case Q3_K -> symmetricBound(amax, 4, 31) + slack;
            case Q6_K -> symmetricBound(amax, 32, 127) + slack;
            default -> throw new AssertionError(type);
        };
    }

    /** How far rounding to float16 may move v: half an ulp, relative for normals, 2^-25 among subnormals. */
    private static double float16Error(double v) {
        return Math.max(Math.abs(v) / 2048, 0x1p-25);
    }

    /** Half a step: a sub-block's range is at most 2 amax, widened by the rounding up of its min and its scale. */
    private static double affineBound(float amax, int levels, int scaleMax) {
        double grow = 1.001 / scaleMax;
        return 0.5 * amax / levels * (2 + grow) * (1 + grow);
    }

    /** Half a step: a step of amax / (nmax - 1) at most, widened by the rounding up of its scale. */
    private static double symmetricBound(float amax, int nmax, int scaleMax) {
        return 0.5 * amax / (nmax - 1) * (1 + 1.001 / scaleMax);
    }

    /** 2048 values in 256-value stretches of different shapes, to reach the edge cases of every fit. */
    private static float[] testValues(Random random) {
        float[] values = new float[2048];
        for (int i = 0; i < values.length; i++) {
            double g = random.nextGaussian();
            values[i] = (float) switch (i / 256) {
                case 0 -> g;                              // centred
                case 1 -> 0.05 + 0.02 * g;                // small, mostly positive
                case 2 -> 0;                              // all zero
                case 3 -> -0.75;                          // constant, negative
                case 4 -> i == 4 * 256 + 77 ? 3 : 0.001 * g; // one spike
                case 5 -> random.nextDouble();            // positive only
                case 6 -> -random.nextDouble();           // negative only
                default -> g * g * g;                     // heavy tails
            };
        }
        return values;
    }

    // ---------------------------------------------------------------- K-quant quality

    /**
     * The K-quant fit is simpler than llama.cpp's search; on the fixture weights its rms error must
     * stay near what llama.cpp reached on the same weights (measured: 1.07 to 1.09 times for Q3_K,
     * Q5_K and Q6_K, 1.12 for Q4_K, 1.20 for Q2_K).
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "llama-s7-q2_k, Q2_K", "llama-s7-q3_k, Q3_K", "llama-s7-q4_k, Q4_K",
        "llama-s7-q5_k, Q5_K", "llama-s7-q6_k, Q6_K",
    })
    void kQuantErrorCloseToLlamaCpp(String model, GgmlType type) {
        float[] weights = fixtureWeights("llama-s7-f32");
        float[] ours = new float[weights.length];
        TensorKernels.of(type).dequantize(MemorySegment.ofArray(Quantizer.quantize(type, weights)), 0, ours, 0, ours.length);
        float[] theirs = Fixtures.referenceDequant(model, Fixtures.ATTN_OUTPUT);
        double ourError = rms(weights, ours);
        double theirError = rms(weights, theirs);
        assertTrue(ourError <= 1.25 * theirError, type + ": rms error " + ourError + " against llama.cpp's " + theirError);
    }

    private static double rms(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
        }
        return Math.sqrt(sum / a.length);
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void refusesCountsThatAreNotWholeBlocks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Quantizer.quantize(GgmlType.Q4_K, new float[300]));
        assertTrue(e.getMessage().contains("multiple of its block size 256"), e.getMessage());
    }

    @Test
    void refusesValuesABlockCannotHold() {
        float[] values = new float[32];
        values[5] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(GgmlType.Q8_0, values));
        assertTrue(e.getMessage().contains("index 5"), e.getMessage());
        values[5] = Float.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(GgmlType.Q6_K, Arrays.copyOf(values, 256)));
    }

    @Test
    void floatTypesKeepNaNAndInfinity() {
        float[] values = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f};
        float[] back = new float[4];
        for (GgmlType type : new GgmlType[] {GgmlType.F32, GgmlType.F16, GgmlType.BF16}) {
            TensorKernels.of(type).dequantize(MemorySegment.ofArray(Quantizer.quantize(type, values)), 0, back, 0, 4);
            assertTrue(Float.isNaN(back[0]), type.toString());
            assertEquals(Float.POSITIVE_INFINITY, back[1], type.toString());
            assertEquals(Float.NEGATIVE_INFINITY, back[2], type.toString());
        }
    }

    @Test
    void refusesTypesWithoutKernel() {
        assertThrows(UnsupportedTensorTypeException.class, () -> Quantizer.quantize(GgmlType.IQ4_XS, new float[256]));
    }

    private static float[] fixtureWeights(String model) {
        try (GgufFile file = GgufReader.open(Fixtures.model(model))) {
            GgufTensorInfo tensor = file.tensor(Fixtures.ATTN_OUTPUT);
            float[] weights = new float[(int) tensor.elementCount()];
            TensorKernels.of(tensor.type()).dequantize(tensor.data(), 0, weights, 0, weights.length);
            return weights;
        }
    }
}
