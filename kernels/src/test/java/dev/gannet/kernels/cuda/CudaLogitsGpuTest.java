package dev.gannet.kernels.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gannet.kernels.model.InferenceSession;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.ThreadTeam;
import dev.gannet.kernels.testing.SharedFixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CUDA backend's logits against the CPU backend's on the fixtures, token by token. Tagged
 * {@code gpu}: excluded from the normal build, run on a GPU machine with
 * {@code ./mvnw -pl kernels test -Dgannet.test.groups=gpu -Dgannet.test.excludedGroups= -Dtest=CudaLogitsGpuTest}.
 * Asked for on a machine without a device, it fails (assumption) naming the probe's reason.
 */
@Tag("gpu")
class CudaLogitsGpuTest {
    /** Max |cpu - gpu| over the logits, relative to the logits' range: 8-bit activations cost ~1e-2. */
    private static final double BAND = 2e-2;
    private static final int[] TOKENS = {1, 15, 27, 3, 99, 42, 7, 64, 11, 5, 200, 31};

    @ParameterizedTest
    @ValueSource(strings = {"llama-s7-q8_0.gguf", "llama-s7-q4_0.gguf", "llama-s7-q4_k.gguf",
            "llama-s7-q6_k.gguf", "llama-s7-f16.gguf", "qwen2-s7-q8_0.gguf"})
    void logitsMatchTheCpu(String fixture) {
        CudaProbe.Result probe = CudaProbe.detect();
        assumeTrue(probe instanceof CudaProbe.Available, () -> "no GPU: " + probe);
        try (Model model = Model.load(SharedFixtures.model(fixture));
             ThreadTeam team = new ThreadTeam(2);
             InferenceSession cpu = model.newSession(team, 64);
             CudaSession gpu = CudaBackend.open(model, 64)) {
            for (int token : TOKENS) {
                int id = token % model.config().vocabularySize();
                float[] expected = cpu.evaluateNext(id).clone();
                float[] actual = gpu.evaluateNext(id);
                double worst = 0;
                float min = Float.MAX_VALUE;
                float max = -Float.MAX_VALUE;
                for (int i = 0; i < expected.length; i++) {
                    worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
                    min = Math.min(min, expected[i]);
                    max = Math.max(max, expected[i]);
                }
                double relative = worst / Math.max(1e-6, max - min);
                assertTrue(relative < BAND, fixture + " at position " + cpu.position() + ": max error " + worst
                        + " (" + relative + " of the range)");
            }
        }
    }
}
