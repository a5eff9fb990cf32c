package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.testing.SharedFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ForwardProfile} on a fixture model: it counts the passes made while attached and only
 * those, every step of a layer gets time, the steps account for the passes' wall time without
 * exceeding it, and profiling leaves the logits as they were.
 */
class ForwardProfileTest {
    @Test
    void stepsAccountForThePassesAndChangeNothing() {
        try (Model model = Model.load(SharedFixtures.model("llama-s7-q8_0.gguf")); ThreadTeam team = new ThreadTeam(2)) {
            int[] prompt = {1, 15, 27, 300, 42, 7};
            InferenceSession plain = model.newSession(team, 64);
            plain.evaluate(prompt);
            float[] expected = plain.evaluateNext(9).clone();

            InferenceSession profiled = model.newSession(team, 64);
            profiled.evaluate(prompt); // before attaching: not counted
            ForwardProfile profile = new ForwardProfile();
            profiled.profile(profile);
            long start = System.nanoTime();
            float[] actual = profiled.evaluateNext(9).clone();
            profiled.evaluateNext(11);
            profiled.evaluateNext(13);
            long elapsed = System.nanoTime() - start;
            profiled.profile(null);
            profiled.evaluateNext(15); // after detaching: not counted

            // Equal up to rounding: not bit for bit, as a kernel the JIT has not compiled yet sums its
            // vector lanes in another order than the compiled one.
            assertArrayEquals(expected, actual, 1e-4f, "profiling changed the logits");
            assertEquals(3, profile.passes());
            Map<ForwardProfile.Step, Double> seconds = profile.seconds();
            for (ForwardProfile.Step step : ForwardProfile.Step.values()) {
                if (step != ForwardProfile.Step.OTHER) {
                    assertTrue(seconds.get(step) > 0, step + " got no time: " + seconds);
                }
            }
            double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(total <= elapsed / 1e9, "the steps (" + total + " s) exceed the passes (" + elapsed / 1e9 + " s)");
            assertTrue(total >= 0.5 * elapsed / 1e9, "the steps (" + total + " s) miss most of the passes ("
                    + elapsed / 1e9 + " s)");
        }
    }
}
