package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The register-tiled prefill multiply ({@link TensorKernel#multiply} on an {@link ActivationBatch})
 * of every type against the scalar reference {@link TensorKernel#dot}: token counts that fill the
 * four-token groups and that leave one to three over, row ranges whose length is not a multiple of
 * four and that do not start at zero, rows longer than one chunk. Run with the machine's widest
 * vectors and again with {@code -XX:MaxVectorSize=32}.
 */
class TiledMultiplyTest {
    private static final int[] TOKEN_COUNTS = {8, 9, 13, 80};

    static GgmlType[] types() {
        return TensorKernels.supported().toArray(GgmlType[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void tiledMultiplyEqualsTheScalarDotProducts(GgmlType type) {
        int block = type.blockSize();
        int[] rowLengths = block == 1 ? new int[] {5, 37, 576, 1030, 2100} : new int[] {block, 3 * block, 1536, 2304};
        Random random = new Random(type.id() * 104729L);
        TensorKernel kernel = TensorKernels.of(type);
        ActivationBatch batch = new ActivationBatch();
        float[] scratch = new float[TensorKernel.SCRATCH_FLOATS];
        for (int cols : rowLengths) {
            int rows = 14;
            float[] weights = new float[rows * cols];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) random.nextGaussian() * 0.5f;
            }
            MemorySegment data = MemorySegment.ofArray(Quantizer.quantize(type, weights));
            for (int tokens : TOKEN_COUNTS) {
                int xStride = cols + 3;
                float[] x = new float[tokens * xStride];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) random.nextGaussian();
                }
                batch.pack(x, xStride, tokens, cols);
                int outStride = rows + 5;
                int outOffset = 2;
                float[] out = new float[tokens * outStride + outOffset + 5];
                // Rows 1..14: thirteen, three tiles of four and one row over.
                int rowFrom = 1;
                int rowTo = rows;
                kernel.multiply(data, 0, cols, rowFrom, rowTo, batch, out, outStride, outOffset, scratch);
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
                for (int i = tokens * outStride; i < out.length; i++) {
                    assertEquals(0f, out[i], "written past the last token at " + i);
                }
            }
        }
    }

    @Test
    void packingPutsEachTokensColumnRunTogether() {
        int lanes = VectorMath.LANES;
        int cols = lanes + 3;
        int tokens = 5;
        float[] x = new float[tokens * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        ActivationBatch batch = new ActivationBatch();
        batch.pack(x, cols, tokens, cols);
        assertEquals(2 * lanes, batch.paddedCols());
        float[] data = batch.data();
        for (int t = 0; t < 8; t++) {
            for (int c = 0; c < 2 * lanes; c++) {
                int at = batch.index(t / 4, c / lanes * lanes) + (t % 4) * lanes + c % lanes;
                float expected = t < tokens && c < cols ? x[t * cols + c] : 0f;
                assertEquals(expected, data[at], "token " + t + " column " + c);
            }
        }
    }

    @Test
    void aBatchOfOtherColumnsIsRefused() {
        MemorySegment data = MemorySegment.ofArray(Quantizer.quantize(GgmlType.Q8_0, new float[64]));
        ActivationBatch batch = new ActivationBatch();
        batch.pack(new float[8 * 64], 64, 8, 64);
        assertThrows(IllegalArgumentException.class, () -> TensorKernels.of(GgmlType.Q8_0).multiply(data, 0, 32, 0, 2,
                batch, new float[16], 2, 0, new float[TensorKernel.SCRATCH_FLOATS]));
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
