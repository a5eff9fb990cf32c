package dev.gannet.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.model.WeightMatrix;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.tensor.TensorKernel;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The int8-activation experiment of {@link Int8MatVecBenchmark}: the vector quantizer against its
 * scalar twin bit for bit, every vector kernel against the scalar reference of the same integer
 * arithmetic (only float summation order differs), and the int8 result against the engine's float
 * kernel within the error 8-bit activations allow.
 */
class Int8Q8_0Test {
    /** Odd on purpose: 70 rows leave a pair and a tile remainder, 9 tokens a group remainder. */
    private static final int ROWS = 70;
    private static final int COLS = 576;
    private static final int TOKENS = 9;

    @BeforeAll
    static void vectorsRunHere() {
        assertTrue(Int8Q8_0.runsHere(), "the int8 kernels need 8 or more float lanes");
    }

    @Test
    void vectorQuantizerMatchesScalarExactly() {
        int stride = COLS + 5;
        float[] x = SyntheticMatrix.activations(TOKENS, stride, 11);
        Arrays.fill(x, 32, 64, 0f);              // a block of zeros: d = 0, quants 0
        Q8Activations vector = new Q8Activations();
        Q8Activations scalar = new Q8Activations();
        vector.quantize(x, stride, TOKENS, COLS);
        scalar.quantizeScalar(x, stride, TOKENS, COLS);
        int size = TOKENS * COLS;
        assertArrayEquals(Arrays.copyOf(scalar.bytes(), size), Arrays.copyOf(vector.bytes(), size));
        assertArrayEquals(Arrays.copyOf(scalar.shorts(), size), Arrays.copyOf(vector.shorts(), size));
        assertArrayEquals(Arrays.copyOf(scalar.scales(), size / 32), Arrays.copyOf(vector.scales(), size / 32));
        for (int i = 0; i < size; i++) {
            assertTrue(Math.abs(vector.shorts()[i]) <= 127, "quant " + i + " out of range");
            assertTrue(vector.bytes()[i] == vector.shorts()[i], "bytes and shorts differ at " + i);
        }
    }

    @Test
    void decodeVariantsMatchTheScalarReference() {
        try (SyntheticMatrix fixture = SyntheticMatrix.create(GgmlType.Q8_0, ROWS + 1, COLS, 21)) {
            float[] x = SyntheticMatrix.activations(1, COLS, 22);
            Q8Activations q = new Q8Activations();
            q.quantize(x, COLS, 1, COLS);
            float[] expected = new float[ROWS + 1];
            Int8Q8_0.multiplyScalar(fixture.matrix().bytes(), ROWS + 1, q, expected, ROWS + 1);
            float[] magnitude = magnitudes(fixture.matrix(), x, 1);
            for (Int8Q8_0.Source source : Int8Q8_0.Source.values()) {
                for (Int8Q8_0.Fold fold : Int8Q8_0.Fold.values()) {
                    if (source == Int8Q8_0.Source.BYTES && fold == Int8Q8_0.Fold.PAIRS) {
                        continue; // not a kernel: bytes are only paired with the widening fold
                    }
                    float[] actual = new float[ROWS + 1];
                    Int8Q8_0.multiply(fixture.matrix().bytes(), ROWS + 1, q, actual, source, fold);
                    assertClose(expected, actual, magnitude, 1e-5, source + "/" + fold);
                }
            }
        }
    }

    @Test
    void prefillTilesMatchTheScalarReference() {
        try (SyntheticMatrix fixture = SyntheticMatrix.create(GgmlType.Q8_0, ROWS, COLS, 31)) {
            float[] x = SyntheticMatrix.activations(TOKENS, COLS, 32);
            Q8Activations q = new Q8Activations();
            q.quantize(x, COLS, TOKENS, COLS);
            float[] expected = new float[TOKENS * ROWS];
            float[] actual = new float[TOKENS * ROWS];
            Int8Q8_0.multiplyScalar(fixture.matrix().bytes(), ROWS, q, expected, ROWS);
            Int8Q8_0.multiplyBatch(fixture.matrix().bytes(), ROWS, q, actual, ROWS);
            assertClose(expected, actual, magnitudes(fixture.matrix(), x, TOKENS), 1e-5, "prefill");
        }
    }

    /**
     * Against the engine's float kernel: quantizing x_j to q_j·d moves it by at most d/2 (a hair more
     * where v + 0.5 rounds up), so |Δ| ≤ Σ_j |w_j|·d_x(j)/2; and the typical error is that of 8-bit
     * rounding — well under 2% of the result's norm, and not zero.
     */
    @Test
    void int8IsTheFloatResultUpToActivationRounding() {
        try (SyntheticMatrix fixture = SyntheticMatrix.create(GgmlType.Q8_0, ROWS, COLS, 41)) {
            WeightMatrix matrix = fixture.matrix();
            float[] x = SyntheticMatrix.activations(TOKENS, COLS, 42);
            float[] exact = new float[TOKENS * ROWS];
            matrix.multiplyRows(0, ROWS, x, COLS, TOKENS, exact, ROWS, 0, new float[TensorKernel.SCRATCH_FLOATS]);
            Q8Activations q = new Q8Activations();
            q.quantize(x, COLS, TOKENS, COLS);
            float[] int8 = new float[TOKENS * ROWS];
            Int8Q8_0.multiplyBatch(matrix.bytes(), ROWS, q, int8, ROWS);
            float[] w = new float[COLS];
            double error = 0;
            double norm = 0;
            for (int r = 0; r < ROWS; r++) {
                matrix.dequantizeRow(r, w, 0);
                for (int t = 0; t < TOKENS; t++) {
                    double bound = 0;
                    for (int j = 0; j < COLS; j++) {
                        bound += Math.abs(w[j]) * q.scales()[t * COLS / 32 + j / 32] * 0.501;
                    }
                    double delta = int8[t * ROWS + r] - exact[t * ROWS + r];
                    assertTrue(Math.abs(delta) <= bound + 1e-5, "row " + r + " token " + t + ": " + delta
                            + " past the rounding bound " + bound);
                    error += delta * delta;
                    norm += (double) exact[t * ROWS + r] * exact[t * ROWS + r];
                }
            }
            double relative = Math.sqrt(error / norm);
            assertTrue(relative > 0 && relative < 0.02, "relative error " + relative);
        }
    }

    /** Σ_j |w_j·x_j| per (token, row): the scale of a float sum's rounding error. */
    private static float[] magnitudes(WeightMatrix matrix, float[] x, int tokens) {
        int rows = matrix.rows();
        int cols = matrix.cols();
        float[] w = new float[cols];
        float[] out = new float[tokens * rows];
        for (int r = 0; r < rows; r++) {
            matrix.dequantizeRow(r, w, 0);
            for (int t = 0; t < tokens; t++) {
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    sum += Math.abs(w[j] * x[t * cols + j]);
                }
                out[t * rows + r] = (float) sum;
            }
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, float[] magnitude, double relative, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tolerance = relative * magnitude[i] + 1e-7;
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance, what + " at " + i + ": expected "
                    + expected[i] + ", got " + actual[i] + " (tolerance " + tolerance + ")");
        }
    }
}
