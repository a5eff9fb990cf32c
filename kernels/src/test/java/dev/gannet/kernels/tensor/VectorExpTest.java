package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The vector exp and SiLU of softmax and the gated FFN against {@link Math#exp}, over the range they see. */
class VectorExpTest {
    private static final int LANES = VectorMath.species().length();

    @Test
    void expIsWithinAboutAnUlpOfMathExp() {
        double worst = 0;
        float worstAt = 0;
        float[] x = new float[LANES];
        float[] e = new float[LANES];
        // Every 1/4096 across [-87, 88]: the whole normal range of the result.
        for (int k = -87 * 4096; k <= 88 * 4096; k += LANES) {
            for (int j = 0; j < LANES; j++) {
                x[j] = (k + j) / 4096f;
            }
            VectorMath.exp(FloatVector.fromArray(VectorMath.species(), x, 0)).intoArray(e, 0);
            for (int j = 0; j < LANES && x[j] <= 88f; j++) {
                double exact = Math.exp(x[j]);
                double error = Math.abs(e[j] - exact) / exact;
                if (error > worst) {
                    worst = error;
                    worstAt = x[j];
                }
            }
        }
        assertTrue(worst < 1e-6, "relative error " + worst + " at " + worstAt);
    }

    @Test
    void expOfZeroIsOneAndTheEndsSaturate() {
        float[] x = new float[LANES];
        x[0] = 0f;
        x[1] = -1000f;
        x[2] = Float.NEGATIVE_INFINITY;
        x[3] = 1000f;
        float[] e = new float[LANES];
        VectorMath.exp(FloatVector.fromArray(VectorMath.species(), x, 0)).intoArray(e, 0);
        assertEquals(1f, e[0]);
        assertTrue(e[1] >= 0 && e[1] < 1e-37f, "e^-1000 = " + e[1]);
        assertTrue(e[2] >= 0 && e[2] < 1e-37f, "e^-inf = " + e[2]);
        assertTrue(Float.isFinite(e[3]) && e[3] > 1e38f, "e^1000 = " + e[3]);
    }

    @Test
    void siluMatchesTheScalarFormula() {
        float[] x = new float[LANES];
        float[] s = new float[LANES];
        for (int k = -40 * 256; k <= 40 * 256; k += LANES) {
            for (int j = 0; j < LANES; j++) {
                x[j] = (k + j) / 256f;
            }
            VectorMath.silu(FloatVector.fromArray(VectorMath.species(), x, 0)).intoArray(s, 0);
            for (int j = 0; j < LANES; j++) {
                double exact = x[j] / (1 + Math.exp(-x[j]));
                assertEquals(exact, s[j], Math.abs(exact) * 1e-6 + 1e-30, "silu(" + x[j] + ")");
            }
        }
    }
}
