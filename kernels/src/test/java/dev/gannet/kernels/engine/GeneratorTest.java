package dev.gannet.kernels.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.model.InferenceSession;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.ThreadTeam;
import dev.gannet.kernels.testing.SharedFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generation loop on a real (tiny) model: greedy agrees with argmax, seeds repeat, stops stop. */
class GeneratorTest {
    private static Model model;
    private static ThreadTeam team;
    private static final int[] PROMPT = {1, 436, 94, 16};

    @BeforeAll
    static void load() {
        model = Model.load(SharedFixtures.model("qwen2-s7-q8_0.gguf"));
        team = new ThreadTeam(2);
    }

    @AfterAll
    static void close() {
        model.close();
        team.close();
    }

    @Test
    void greedyGenerationFollowsTheArgmaxOfEachStep() {
        GenerationResult result = Generator.generate(model.newSession(team, 64), PROMPT, SamplingParameters.greedy(),
                10, token -> false, token -> null);
        assertEquals(10, result.tokens().length);
        assertEquals(FinishReason.LENGTH, result.finishReason());
        // Recompute by hand: evaluate, take argmax, feed it back.
        InferenceSession session = model.newSession(team, 64);
        float[] logits = session.evaluate(PROMPT);
        for (int expected : result.tokens()) {
            int best = Sampler.argmax(logits);
            assertEquals(best, expected);
            logits = session.evaluate(new int[] {best});
        }
        assertTrue(result.promptNanos() > 0 && result.generationNanos() > 0);
    }

    @Test
    void sameSeedSameContinuation() {
        SamplingParameters p = SamplingParameters.defaults(99).withTemperature(1.5f);
        int[] a = Generator.generate(model.newSession(team, 64), PROMPT, p, 20, t -> false, t -> null).tokens();
        int[] b = Generator.generate(model.newSession(team, 64), PROMPT, p, 20, t -> false, t -> null).tokens();
        assertArrayEquals(a, b);
    }

    @Test
    void endOfGenerationTokenStopsAndIsNotEmitted() {
        int[] free = Generator.generate(model.newSession(team, 64), PROMPT, SamplingParameters.greedy(), 10,
                t -> false, t -> null).tokens();
        int stopAt = free[3];
        List<Integer> streamed = new ArrayList<>();
        GenerationResult result = Generator.generate(model.newSession(team, 64), PROMPT, SamplingParameters.greedy(), 10,
                t -> t == stopAt, t -> {
                    streamed.add(t);
                    return null;
                });
        assertEquals(FinishReason.STOP, result.finishReason());
        int firstStop = 0;
        while (free[firstStop] != stopAt) {
            firstStop++;
        }
        assertEquals(firstStop, result.tokens().length);
        assertEquals(firstStop, streamed.size());
    }

    @Test
    void theSinkCanStopGeneration() {
        GenerationResult result = Generator.generate(model.newSession(team, 64), PROMPT, SamplingParameters.greedy(), 10,
                t -> false, t -> FinishReason.CANCELLED);
        assertEquals(FinishReason.CANCELLED, result.finishReason());
        assertEquals(1, result.tokens().length);
    }

    @Test
    void aFullContextEndsWithLength() {
        GenerationResult result = Generator.generate(model.newSession(team, 8), PROMPT, SamplingParameters.greedy(), 100,
                t -> false, t -> null);
        assertEquals(FinishReason.LENGTH, result.finishReason());
        assertEquals(5, result.tokens().length, "4 prompt positions + 4 generated fill 8; the 5th is sampled from the last logits");
    }
}
