package dev.gannet.bench.speed;

import dev.gannet.kernels.engine.Sampler;
import dev.gannet.kernels.model.ForwardProfile;
import dev.gannet.kernels.model.InferenceSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Times prompt evaluation and greedy decoding on one session: each run rewinds the session to
 * position 0, evaluates the prompt in one call (batched prefill), then feeds back the argmax token
 * one at a time for {@code generate} steps. End-of-generation tokens do not stop it: every run takes
 * the same number of steps. Warm-up runs are done first and not returned.
 */
public final class SpeedRun {

    /** Told before each run starts; {@code warmUp} runs are not measured. */
    @FunctionalInterface
    public interface Progress {
        void starting(boolean warmUp, int index, int count);
    }

    private SpeedRun() {
    }

    /**
     * @param prompt   token ids evaluated first, all inside the vocabulary
     * @param generate one-token decode steps per run, at least 1
     * @param profile  where the measured runs' decode steps add their steps' times, or null
     */
    public static List<RunTiming> measure(InferenceSession session, int[] prompt, int generate, int warmUps,
                                          int runs, ForwardProfile profile, Progress progress) {
        if (prompt.length == 0 || generate < 1 || warmUps < 0 || runs < 1) {
            throw new IllegalArgumentException("a speed run needs a prompt, at least one decode step and one run");
        }
        if (prompt.length + generate > session.contextSize()) {
            throw new IllegalArgumentException("the prompt (" + prompt.length + ") and the generated tokens ("
                    + generate + ") do not fit the context of " + session.contextSize());
        }
        for (int i = 0; i < warmUps; i++) {
            progress.starting(true, i, warmUps);
            once(session, prompt, generate, null);
        }
        List<RunTiming> timings = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            progress.starting(false, i, runs);
            timings.add(once(session, prompt, generate, profile));
        }
        return List.copyOf(timings);
    }

    private static RunTiming once(InferenceSession session, int[] prompt, int generate, ForwardProfile profile) {
        session.rewind(0);
        long start = System.nanoTime();
        float[] logits = session.evaluate(prompt);
        long prefillEnd = System.nanoTime();

        int next = Sampler.argmax(logits);
        long firstDecode = 0;
        session.profile(profile);
        long decodeStart = System.nanoTime();
        for (int step = 0; step < generate; step++) {
            long stepStart = System.nanoTime();
            // evaluateNext, as generation does: the session's own logits buffer, nothing allocated per token.
            logits = session.evaluateNext(next);
            if (step == 0) {
                firstDecode = System.nanoTime() - stepStart;
            }
            next = Sampler.argmax(logits);
        }
        long decodeEnd = System.nanoTime();
        session.profile(null);
        return new RunTiming(seconds(prefillEnd - start), seconds(firstDecode), seconds(decodeEnd - decodeStart),
                generate);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
