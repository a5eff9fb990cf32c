package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vectorized {@link TensorKernel#multiply} of every type against the scalar reference
 * {@link TensorKernel#dot}: for 1 to 9 tokens (the 4-token tiles and the remainders), row ranges
 * that do not start at zero, strided activations and outputs, several row lengths. The build runs
 * this class twice: with the machine's widest vectors and with {@code -XX:MaxVectorSize=32}.
 */
class MultiplyTest {
    static GgmlType[] types() {
        return TensorKernels.supported().toArray(GgmlType[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void multiplyEqualsTheScalarDotProducts(GgmlType type) {
        int block = type.blockSize() == 1 ? 1 : type.blockSize();
        int[] rowLengths = block == 1 ? new int[] {1, 37, 256, 1030} : new int[] {block, 3 * block, 1536, 2304};
        Random random = new Random(type.id() * 7919L);
        TensorKernel kernel = TensorKernels.of(type);
        for (int cols : rowLengths) {
            int rows = 11;
            float[] weights = new float[rows * cols];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) random.nextGaussian() * 0.5f;
            }
            MemorySegment data = MemorySegment.ofArray(Quantizer.quantize(type, weights));
            for (int tokens = 1; tokens <= 9; tokens++) {
                int xStride = cols + 3;
                float[] x = new float[tokens * xStride];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) random.nextGaussian();
                }
                int outStride = rows + 5;
                int outOffset = 2;
                float[] out = new float[tokens * outStride + outOffset];
                int rowFrom = 2; // nine rows: decode takes rows in pairs, and one is left over
                int rowTo = rows;
                kernel.multiply(data, 0, cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset,
                        new float[TensorKernel.SCRATCH_FLOATS]);
                for (int t = 0; t < tokens; t++) {
                    for (int r = 0; r < rows; r++) {
                        int at = t * outStride + outOffset + r;
                        if (r < rowFrom) {
                            assertEquals(0f, out[at], "row " + r + " outside the range was written");
                            continue;
                        }
                        float expected = kernel.dot(data, (long) r * cols, x, t * xStride, cols);
                        double magnitude = magnitude(kernel, data, (long) r * cols, x, t * xStride, cols);
                        assertEquals(expected, out[at], 1e-5 * magnitude + 1e-6,
                                type + " cols " + cols + " tokens " + tokens + " row " + r + " token " + t);
                    }
                }
            }
        }
    }

    /**
     * The decode path of types that use per-block sums of x (Q4_1, Q5_0) when the scratch is too
     * small to hold them: each row then computes its own sums.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void decodeWithoutBlockSumsEqualsTheScalarDotProducts(GgmlType type) {
        if (!VectorMath.FUSED || !(TensorKernels.of(type) instanceof FusedBlockKernel)) {
            return;
        }
        int cols = 2304;
        int rows = 5;
        Random random = new Random(type.id() * 31L + 7);
        float[] weights = new float[rows * cols];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian() * 0.5f;
        }
        MemorySegment data = MemorySegment.ofArray(Quantizer.quantize(type, weights));
        TensorKernel kernel = TensorKernels.of(type);
        for (int tokens = 1; tokens < FusedBlockKernel.TILED_FROM_TOKENS; tokens++) {
            float[] x = new float[tokens * cols];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            float[] out = new float[tokens * rows];
            kernel.multiply(data, 0, cols, 0, rows, x, cols, tokens, out, rows, 0, new float[0]);
            for (int t = 0; t < tokens; t++) {
                for (int r = 0; r < rows; r++) {
                    float expected = kernel.dot(data, (long) r * cols, x, t * cols, cols);
                    double magnitude = magnitude(kernel, data, (long) r * cols, x, t * cols, cols);
                    assertEquals(expected, out[t * rows + r], 1e-5 * magnitude + 1e-6,
                            type + " tokens " + tokens + " row " + r + " token " + t);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void vectorDequantizationEqualsTheScalarOne(GgmlType type) {
        if (!(TensorKernels.of(type) instanceof VectorDequantizer fast)) {
            return;
        }
        TensorKernel kernel = TensorKernels.of(type);
        Random random = new Random(type.id());
        float[] weights = new float[4 * 256];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        MemorySegment data = MemorySegment.ofArray(Quantizer.quantize(type, weights));
        float[] scalar = new float[768];
        float[] vector = new float[768 + 3];
        kernel.dequantize(data, 256, scalar, 0, 768);
        fast.dequantizeVector(data, 256, vector, 3, 768);
        for (int i = 0; i < scalar.length; i++) {
            // Same weights; an FMA may round the last bit differently from multiply-then-add.
            assertEquals(scalar[i], vector[3 + i], Math.ulp(scalar[i]) * 2, type + " element " + i);
        }
    }

    @Test
    void halfPrecisionEdgeValuesDecodeExactly() {
        float[] values = new float[32];
        float[] specials = {0f, -0f, 0x1.0p-24f, -0x1.0p-24f, 0x1.ff8p-15f, 0x1.0p-14f, 65504f, -65504f, -2.5f, 1f / 3};
        for (int i = 0; i < values.length; i++) {
            values[i] = specials[i % specials.length] * (i < specials.length ? 1 : -1);
        }
        MemorySegment data = MemorySegment.ofArray(Quantizer.quantize(GgmlType.F16, values));
        float[] scalar = new float[32];
        float[] vector = new float[32];
        TensorKernels.of(GgmlType.F16).dequantize(data, 0, scalar, 0, 32);
        ((VectorDequantizer) TensorKernels.of(GgmlType.F16)).dequantizeVector(data, 0, vector, 0, 32);
        for (int i = 0; i < 32; i++) {
            assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(vector[i]), "element " + i + ": " + scalar[i]);
        }
    }

    @Test
    void aMatrixOffsetInsideTheDataIsHonoured() {
        GgmlType type = GgmlType.Q4_1;
        int cols = 64;
        float[] weights = new float[4 * cols];
        Random random = new Random(5);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        MemorySegment data = MemorySegment.ofArray(Quantizer.quantize(type, weights));
        TensorKernel kernel = TensorKernels.of(type);
        float[] x = new float[cols];
        java.util.Arrays.fill(x, 1f);
        float[] out = new float[2];
        // The view starting at row 2: its rows 0 and 1 are the data's rows 2 and 3.
        kernel.multiply(data, 2L * cols, cols, 0, 2, x, cols, 1, out, 2, 0, new float[TensorKernel.SCRATCH_FLOATS]);
        assertEquals(kernel.dot(data, 2L * cols, x, 0, cols), out[0], 1e-4);
        assertEquals(kernel.dot(data, 3L * cols, x, 0, cols), out[1], 1e-4);
    }

    @Test
    void rangesPastTheDataAreRefused() {
        MemorySegment data = MemorySegment.ofArray(Quantizer.quantize(GgmlType.Q8_0, new float[64]));
        TensorKernel kernel = TensorKernels.of(GgmlType.Q8_0);
        float[] x = new float[64];
        float[] out = new float[4];
        assertThrows(IndexOutOfBoundsException.class, () -> kernel.multiply(data, 0, 32, 0, 3, x, 32, 1, out, 4, 0,
                new float[TensorKernel.SCRATCH_FLOATS]));
        assertThrows(IndexOutOfBoundsException.class, () -> kernel.multiply(data, 0, 32, 0, 2, x, 32, 3, out, 4, 0,
                new float[TensorKernel.SCRATCH_FLOATS]));
    }

    /** Σ |w_i x_i|: the scale of rounding error a reordering of the sum may introduce. */
    private static double magnitude(TensorKernel kernel, MemorySegment data, long from, float[] x, int xOffset, int n) {
        float[] w = new float[n];
        kernel.dequantize(data, from, w, 0, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.abs((double) w[i] * x[xOffset + i]);
        }
        return sum;
    }
}
