package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Packing with the RMSNorm applied on the way equals the norm written out first and packed after, bit for bit. */
class ActivationBatchTest {
    @ParameterizedTest(name = "{0} tokens of {1} columns, stride {2}, offset {3}")
    @CsvSource({"8, 64, 64, 0", "9, 37, 40, 3", "13, 576, 576, 1152", "1, 5, 5, 0", "64, 960, 1000, 7"})
    void packNormalizedEqualsNormThenPack(int tokens, int cols, int stride, int offset) {
        SplittableRandom random = new SplittableRandom(tokens * 31L + cols);
        float[] x = new float[offset + tokens * stride];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian() * 3;
        }
        float[] weight = new float[cols];
        for (int i = 0; i < cols; i++) {
            weight[i] = (float) random.nextDouble(-2, 2);
        }
        float eps = 1e-5f;

        float[] normalized = new float[tokens * cols];
        for (int t = 0; t < tokens; t++) {
            int in = offset + t * stride;
            float scale = RmsNorm.scale(x, in, cols, eps);
            for (int i = 0; i < cols; i++) {
                normalized[t * cols + i] = x[in + i] * scale * weight[i]; // the scalar definition
            }
        }
        ActivationBatch expected = new ActivationBatch();
        expected.pack(normalized, cols, tokens, cols);

        ActivationBatch fused = new ActivationBatch();
        fused.pack(new float[2 * 4 * 1024], 1024, 2, 1024); // a larger earlier batch: padding must be rewritten
        Arrays.fill(fused.data(), Float.NaN);
        fused.packNormalized(x, offset, stride, tokens, cols, weight, eps);

        assertEquals(expected.tokens(), fused.tokens());
        assertEquals(expected.cols(), fused.cols());
        int size = (tokens + ActivationBatch.GROUP - 1) / ActivationBatch.GROUP * ActivationBatch.GROUP
                * expected.paddedCols();
        assertArrayEquals(Arrays.copyOf(expected.data(), size), Arrays.copyOf(fused.data(), size));
    }

    @ParameterizedTest(name = "{0} columns")
    @CsvSource({"1", "15", "16", "17", "576"})
    void rowsEqualTheScalarDefinition(int cols) {
        SplittableRandom random = new SplittableRandom(cols);
        float[] x = new float[3 * cols];
        float[] weight = new float[cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < cols; i++) {
            weight[i] = (float) random.nextDouble(-2, 2);
        }
        float[] expected = new float[3 * cols];
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            for (int i = 0; i < cols; i++) {
                sum += (double) x[r * cols + i] * x[r * cols + i];
            }
            float scale = (float) (1.0 / Math.sqrt((float) (sum / cols) + 1e-6f));
            for (int i = 0; i < cols; i++) {
                expected[r * cols + i] = x[r * cols + i] * scale * weight[i];
            }
        }
        float[] inPlace = x.clone();
        RmsNorm.rows(inPlace, 0, inPlace, 0, weight, 1e-6f, 3, cols);
        assertArrayEquals(expected, inPlace);
    }
}
