package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gannet.kernels.arch.Activation;
import dev.gannet.kernels.arch.ModelConfig;
import dev.gannet.kernels.tensor.RmsNorm;
import dev.gannet.kernels.testing.SharedFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused projections against the steps they replace, on real fixture weights: RMSNorm fused into
 * the projection (normalised while packing, or into the projection's own buffer for small batches)
 * against a norm written out first; the gated FFN job (gate and up rows of a range, then act(gate)·up
 * on them at once) against gate and up as two plain outputs and the activation over the whole batch.
 * Batch sizes cover the row-by-row path (1, 3), the 4-token path (5) and the packed path (8, 13, 64);
 * teams of one and two members.
 */
class FusedProjectionTest {
    /** SiLU (Llama), GELU at FP16 resolution (Gemma), gate and up as views of one tensor (Phi-3). */
    private static final List<String> MODELS = List.of("llama-s7-q4_0", "gemma-s7-q8_0", "phi3-s7-q4_k_m-mix",
            "llama-s7-q6_k");
    private static final int[] BATCHES = {1, 3, 5, 8, 13, 64};

    record Case(String model, int batch, int team) {
        @Override
        public String toString() {
            return model + ", " + batch + " tokens, team of " + team;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String model : MODELS) {
            for (int batch : BATCHES) {
                for (int team = 1; team <= 2; team++) {
                    cases.add(new Case(model, batch, team));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gatedProjectionWithNormMatchesTheUnfusedSteps(Case c) {
        try (Model model = Model.load(SharedFixtures.root().resolve("fixtures/models/" + c.model() + ".gguf"));
             ThreadTeam team = new ThreadTeam(c.team())) {
            ModelConfig config = model.config();
            LayerWeights w = model.transformer().weights().layers()[1];
            Activation act = config.features().activation();
            int dim = config.dim();
            int hidden = config.hiddenDim();
            float[] x = residual(c.batch(), dim, 7);

            float[] xb = new float[c.batch() * dim];
            RmsNorm.rows(xb, 0, x, 0, w.ffnNorm(), config.rmsEps(), c.batch(), dim);
            float[] expected = new float[c.batch() * hidden];
            float[] up = new float[c.batch() * hidden];
            new Projection(c.team()).run(team, xb, dim, c.batch(), w.wGate(), expected, hidden, w.wUp(), up, hidden);
            Projection.gate(expected, up, 0, c.batch() * hidden, act);

            float[] fused = new float[c.batch() * hidden];
            float[] fusedUp = new float[c.batch() * hidden];
            new Projection(c.team()).input(x, 0, dim, c.batch()).normalized(w.ffnNorm(), config.rmsEps())
                    .gated(w.wGate(), w.wUp(), fused, fusedUp, hidden, act).run(team);

            assertClose(expected, fused, c + " act(gate)·up");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void normalisedInputWithAnOffsetMatchesTheNormWrittenOut(Case c) {
        try (Model model = Model.load(SharedFixtures.root().resolve("fixtures/models/" + c.model() + ".gguf"));
             ThreadTeam team = new ThreadTeam(c.team())) {
            ModelConfig config = model.config();
            LayerWeights w = model.transformer().weights().layers()[0];
            int dim = config.dim();
            int qDim = config.queryDim();
            int kvDim = config.kvDim();
            int skipped = 2; // rows before the input, as the final norm skips all but the last tokens
            float[] x = residual(skipped + c.batch(), dim, 11);

            float[] xb = new float[c.batch() * dim];
            RmsNorm.rows(xb, 0, x, skipped * dim, w.attnNorm(), config.rmsEps(), c.batch(), dim);
            float[][] expected = {new float[c.batch() * qDim], new float[c.batch() * kvDim], new float[c.batch() * kvDim]};
            new Projection(c.team()).run(team, xb, dim, c.batch(), w.wq(), expected[0], qDim, w.wk(), expected[1], kvDim,
                    w.wv(), expected[2], kvDim);

            float[][] fused = {new float[c.batch() * qDim], new float[c.batch() * kvDim], new float[c.batch() * kvDim]};
            Projection projection = new Projection(c.team());
            for (int run = 0; run < 2; run++) { // the second run reuses the grown buffers
                projection.input(x, skipped * dim, dim, c.batch()).normalized(w.attnNorm(), config.rmsEps())
                        .into(w.wq(), fused[0], qDim, 0).into(w.wk(), fused[1], kvDim, 0).into(w.wv(), fused[2], kvDim, 0)
                        .run(team);
                for (int i = 0; i < 3; i++) {
                    assertClose(expected[i], fused[i], c + " output " + i + " run " + run);
                }
            }
        }
    }

    /**
     * A trace makes the forward pass also write the norms out (as adapters do), while the projections
     * keep normalising their own input, and rotate the keys in place before the cache stores them,
     * where the untraced pass writes the rotated keys straight into the cache (fused RoPE + KV write):
     * the logits must not change, and the traced norm must be the RMSNorm of the traced residual.
     */
    @ParameterizedTest(name = "{0} tokens")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 12})
    void aTraceChangesNoLogits(int count) {
        int[] tokens = {1, 450, 4996, 17354, 1701, 432, 17204, 975, 278, 17366, 11203, 29889};
        try (Model model = Model.load(SharedFixtures.root().resolve("fixtures/models/llama-s7-q8_0.gguf"));
             ThreadTeam team = new ThreadTeam(2)) {
            int[] batch = java.util.Arrays.copyOf(tokens, count);
            for (int i = 0; i < count; i++) {
                batch[i] %= model.config().vocabularySize();
            }
            float[] plain = model.newSession(team, 32).evaluateAll(batch).clone();
            InferenceSession traced = model.newSession(team, 32);
            List<String> names = new ArrayList<>();
            traced.trace((name, layer, position, data, offset, length) -> names.add(name));
            float[] withTrace = traced.evaluateAll(batch);
            assertClose(plain, withTrace, "logits with a trace");
            assertEquals(count * model.config().layers(), names.stream().filter("attn_norm"::equals).count());
            assertEquals(count, names.stream().filter("result_norm"::equals).count());
        }
    }

    /** A residual-stream-like input: values of mixed scale, a few large ones. */
    private static float[] residual(int rows, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * (random.nextInt(50) == 0 ? 20 : 1));
        }
        return x;
    }

    /**
     * Equal up to the last bits: the fused and unfused paths do the same float operations per
     * element, but a vector reduction can round differently before and after C2 compiles it.
     */
    private static void assertClose(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            float tolerance = 1e-5f * Math.max(1f, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance, what + " at " + i);
        }
    }
}
