package dev.gannet.kernels.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses the next token from logits, in llama.cpp's order: penalties on recent tokens, then
 * top-k, top-p and min-p to cut the candidates, then temperature, then a draw. Greedy sampling
 * (temperature ≤ 0) still applies the penalties and takes the best token.
 *
 * <p>Holds its own random generator (seeded, so runs repeat) and candidate buffers; one sampler
 * per generation.
 */
public final class Sampler {
    private final SamplingParameters parameters;
    private final SplittableRandom random;
    /** Candidate token ids, sorted by logit as the cuts need. */
    private Integer[] order = new Integer[0];
    private float[] probabilities = new float[0];

    public Sampler(SamplingParameters parameters) {
        this.parameters = parameters;
        this.random = new SplittableRandom(parameters.seed());
    }

    public SamplingParameters parameters() {
        return parameters;
    }

    /**
     * Picks a token. {@code logits} is modified (penalties applied); {@code history} holds the
     * tokens so far, of which the last {@code historyLength} are valid.
     */
    public int sample(float[] logits, int[] history, int historyLength) {
        applyPenalties(logits, history, historyLength);
        if (parameters.isGreedy()) {
            return argmax(logits);
        }
        int n = logits.length;
        if (order.length != n) {
            order = new Integer[n];
            probabilities = new float[n];
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));

        // Top-k.
        int kept = parameters.topK() > 0 ? Math.min(parameters.topK(), n) : n;
        // Softmax over the kept candidates (before temperature, as llama.cpp's cuts see them).
        softmax(logits, kept, 1f);
        // Top-p: the smallest prefix reaching p (at least one token).
        if (parameters.topP() < 1f) {
            double cumulative = 0;
            for (int i = 0; i < kept; i++) {
                cumulative += probabilities[i];
                if (cumulative >= parameters.topP()) {
                    kept = i + 1;
                    break;
                }
            }
        }
        // Min-p: drop tokens below minP × the most likely one.
        if (parameters.minP() > 0f) {
            float threshold = probabilities[0] * parameters.minP();
            int i = 1;
            while (i < kept && probabilities[i] >= threshold) {
                i++;
            }
            kept = i;
        }
        // Temperature, then a draw from what is left.
        softmax(logits, kept, parameters.temperature());
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < kept; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return order[i];
            }
        }
        return order[kept - 1];
    }

    /** probabilities[i] = softmax(logits[order[i]] / temperature) over the first {@code kept}. */
    private void softmax(float[] logits, int kept, float temperature) {
        float max = logits[order[0]];
        double sum = 0;
        for (int i = 0; i < kept; i++) {
            float p = (float) Math.exp((logits[order[i]] - max) / temperature);
            probabilities[i] = p;
            sum += p;
        }
        for (int i = 0; i < kept; i++) {
            probabilities[i] = (float) (probabilities[i] / sum);
        }
    }

    private void applyPenalties(float[] logits, int[] history, int historyLength) {
        boolean any = parameters.repeatPenalty() != 1f || parameters.frequencyPenalty() != 0f
                || parameters.presencePenalty() != 0f;
        int window = Math.min(parameters.penaltyWindow(), historyLength);
        if (!any || window == 0) {
            return;
        }
        // Count each token once in the window, then penalise each distinct token once.
        java.util.HashMap<Integer, Integer> counts = new java.util.HashMap<>();
        for (int i = historyLength - window; i < historyLength; i++) {
            counts.merge(history[i], 1, Integer::sum);
        }
        for (var entry : counts.entrySet()) {
            int token = entry.getKey();
            if (token < 0 || token >= logits.length) {
                continue;
            }
            float logit = logits[token];
            logit = logit > 0 ? logit / parameters.repeatPenalty() : logit * parameters.repeatPenalty();
            logit -= entry.getValue() * parameters.frequencyPenalty() + parameters.presencePenalty();
            logits[token] = logit;
        }
    }

    /** Index of the largest logit (the first, on ties). */
    public static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
