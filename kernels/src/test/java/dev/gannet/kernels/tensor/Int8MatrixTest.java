package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Int8Matrix} against the kernels of the types it repacks (Q6_K, Q5_0): its weights equal the
 * file's exactly, and every multiply path (decode, a few tokens, a packed batch) equals the scalar
 * dot products up to the order of float additions. Runs with both vector widths, as
 * {@link MultiplyTest}. The repacking is called directly, whatever {@link Int8Matrix#PROPERTY} says.
 */
class Int8MatrixTest {

    static GgmlType[] repackable() {
        return new GgmlType[] {GgmlType.Q6_K, GgmlType.Q5_0};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repackable")
    void repackedWeightsEqualTheFilesExactly(GgmlType type) {
        assumeTrue(VectorMath.FUSED);
        TensorKernel kernel = TensorKernels.of(type);
        int rows = 7;
        int cols = 768;
        MemorySegment data = quantized(type, rows, cols, new Random(1));
        // Rows 2..6 only: a view that does not start at the tensor's first row, as fused projections make.
        Int8Matrix matrix = Int8Matrix.repack(type, data, 2L * cols, rows - 2, cols);
        for (int r = 0; r < rows - 2; r++) {
            float[] expected = new float[cols];
            kernel.dequantize(data, (long) (r + 2) * cols, expected, 0, cols);
            float[] actual = new float[cols];
            matrix.dequantizeRow(r, actual, 0);
            assertArrayEquals(expected, actual, 0f, "row " + r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repackable")
    void everyMultiplyPathEqualsTheScalarDotProducts(GgmlType type) {
        assumeTrue(VectorMath.FUSED);
        TensorKernel kernel = TensorKernels.of(type);
        Random random = new Random(2);
        for (int cols : new int[] {256, 1536, 2304}) {
            int rows = 11;
            MemorySegment data = quantized(type, rows, cols, random);
            Int8Matrix matrix = Int8Matrix.repack(type, data, 0, rows, cols);
            for (int tokens = 1; tokens <= 9; tokens++) {
                int xStride = cols + 3;
                float[] x = gaussian(tokens * xStride, random);
                int outStride = rows + 5;
                int outOffset = 2;
                int rowFrom = 2;
                float[] out = new float[tokens * outStride + outOffset];
                matrix.multiply(rowFrom, rows, x, xStride, tokens, out, outStride, outOffset,
                        new float[TensorKernel.SCRATCH_FLOATS]);
                assertProducts(kernel, data, cols, rows, rowFrom, x, xStride, tokens, out, outStride, outOffset,
                        "cols " + cols + " tokens " + tokens);

                float[] packed = new float[tokens * outStride + outOffset];
                ActivationBatch batch = new ActivationBatch();
                batch.pack(x, xStride, tokens, cols);
                matrix.multiply(rowFrom, rows, batch, packed, outStride, outOffset,
                        new float[TensorKernel.SCRATCH_FLOATS]);
                assertProducts(kernel, data, cols, rows, rowFrom, x, xStride, tokens, packed, outStride, outOffset,
                        "packed batch, cols " + cols + " tokens " + tokens);
            }
        }
    }

    @Test
    void rowsOutsideTheMatrixAndPartialBlocksAreRefused() {
        assumeTrue(VectorMath.FUSED);
        MemorySegment data = quantized(GgmlType.Q6_K, 3, 256, new Random(3));
        Int8Matrix matrix = Int8Matrix.repack(GgmlType.Q6_K, data, 0, 3, 256);
        float[] x = new float[256];
        float[] out = new float[4];
        float[] scratch = new float[TensorKernel.SCRATCH_FLOATS];
        assertThrows(IndexOutOfBoundsException.class, () -> matrix.multiply(0, 4, x, 256, 1, out, 4, 0, scratch));
        assertThrows(IndexOutOfBoundsException.class, () -> Int8Matrix.repack(GgmlType.Q6_K, data, 0, 4, 256));
        assertThrows(IllegalArgumentException.class, () -> Int8Matrix.repack(GgmlType.Q6_K, data, 0, 3, 128));
        assertEquals(3L * 320, matrix.byteSize());
        MemorySegment q4k = quantized(GgmlType.Q4_K, 1, 256, new Random(4));
        assertThrows(IllegalArgumentException.class, () -> Int8Matrix.repack(GgmlType.Q4_K, q4k, 0, 1, 256));
        // 16 weights are not a whole Q5_0 block.
        MemorySegment q5 = quantized(GgmlType.Q5_0, 1, 32, new Random(5));
        assertThrows(IllegalArgumentException.class, () -> Int8Matrix.repack(GgmlType.Q5_0, q5, 0, 1, 16));
    }

    /** Under the build's "repacked" run (-Dgannet.repack=Q6_K,Q5_0), the models' matrices are repacked. */
    @Test
    void thePropertyTurnsRepackingOn() {
        assumeTrue(System.getProperty(Int8Matrix.PROPERTY) != null);
        assertEquals(VectorMath.FUSED, Int8Matrix.repacks(GgmlType.Q6_K));
        assertEquals(VectorMath.FUSED, Int8Matrix.repacks(GgmlType.Q5_0));
        assertEquals(false, Int8Matrix.repacks(GgmlType.Q8_0));
    }

    @Test
    void theSettingNamesTypesThatCanBeRepacked() {
        assertEquals(Set.of(), Int8Matrix.parseSetting("none"));
        assertEquals(Set.of(), Int8Matrix.parseSetting(""));
        assertEquals(Set.of(GgmlType.Q6_K, GgmlType.Q5_0), Int8Matrix.parseSetting("q6_k, Q5_0"));
        IllegalArgumentException q4k = assertThrows(IllegalArgumentException.class,
                () -> Int8Matrix.parseSetting("Q6_K,Q4_K"));
        assertEquals("-Dgannet.repack=Q6_K,Q4_K: Q4_K cannot be repacked; the types that can are Q6_K and Q5_0"
                + " (or none)", q4k.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Int8Matrix.parseSetting("true"));
    }

    private static void assertProducts(TensorKernel kernel, MemorySegment data, int cols, int rows, int rowFrom, float[] x, int xStride,
                                       int tokens, float[] out, int outStride, int outOffset, String what) {
        float[] w = new float[cols];
        for (int t = 0; t < tokens; t++) {
            for (int r = 0; r < rows; r++) {
                int at = t * outStride + outOffset + r;
                if (r < rowFrom) {
                    assertEquals(0f, out[at], what + ": row " + r + " outside the range was written");
                    continue;
                }
                float expected = kernel.dot(data, (long) r * cols, x, t * xStride, cols);
                kernel.dequantize(data, (long) r * cols, w, 0, cols);
                double magnitude = 0;
                for (int i = 0; i < cols; i++) {
                    magnitude += Math.abs((double) w[i] * x[t * xStride + i]);
                }
                assertEquals(expected, out[at], 1e-5 * magnitude + 1e-6, what + ": row " + r + " token " + t);
            }
        }
    }

    private static MemorySegment quantized(GgmlType type, int rows, int cols, Random random) {
        return MemorySegment.ofArray(Quantizer.quantize(type, gaussian(rows * cols, random)));
    }

    private static float[] gaussian(int n, Random random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
