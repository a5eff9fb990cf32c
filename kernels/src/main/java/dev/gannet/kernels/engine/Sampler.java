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
    /** Candidate token ids, most likely first, as the cuts need; reused from token to token. */
    private int[] order = new int[0];
    private float[] probabilities = new float[0];
    /** Sort keys: the logit's order-preserving bits above the token id. */
    private long[] keys = new long[0];

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
            order = new int[n];
            probabilities = new float[n];
            keys = new long[n];
        }
        // Top-k: only the k best are ordered (a bounded selection, not a sort of the vocabulary).
        int kept = parameters.topK() > 0 ? Math.min(parameters.topK(), n) : n;
        selectBest(logits, kept);
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

    /**
     * Puts the {@code k} tokens with the largest logits into order[0..k), most likely first (ties:
     * lower id first). Keys pack an order-preserving encoding of the logit with the token id, so
     * selection and sorting work on primitive longs.
     */
    private void selectBest(float[] logits, int k) {
        int n = logits.length;
        if (k == n) {
            for (int i = 0; i < n; i++) {
                keys[i] = key(logits[i], i);
            }
            Arrays.sort(keys, 0, n);
        } else {
            // A min-heap of the k best keys seen so far, in keys[0..k).
            for (int i = 0; i < n; i++) {
                long key = key(logits[i], i);
                if (i < k) {
                    keys[i] = key;
                    siftUp(i);
                } else if (key > keys[0]) {
                    keys[0] = key;
                    siftDown(0, k);
                }
            }
            Arrays.sort(keys, 0, k);
        }
        // Ascending keys: the best is last.
        for (int i = 0; i < k; i++) {
            order[i] = (int) (~keys[k - 1 - i] & 0xFFFFFFFFL);
        }
    }

    /** Larger logit → larger key; equal logits → the lower id gets the larger key. */
    private static long key(float logit, int id) {
        int bits = Float.floatToIntBits(logit);
        int ordered = bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
        return ((long) ordered << 32) | (~id & 0xFFFFFFFFL);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (keys[parent] <= keys[i]) {
                return;
            }
            long t = keys[parent];
            keys[parent] = keys[i];
            keys[i] = t;
            i = parent;
        }
    }

    private void siftDown(int i, int size) {
        while (true) {
            int smallest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && keys[left] < keys[smallest]) {
                smallest = left;
            }
            if (right < size && keys[right] < keys[smallest]) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            long t = keys[smallest];
            keys[smallest] = keys[i];
            keys[i] = t;
            i = smallest;
        }
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
        // Each distinct token in the window is penalised once, by how often it occurred. The window
        // is small (64 by default), so counting by scanning beats a map.
        for (int i = historyLength - window; i < historyLength; i++) {
            int token = history[i];
            if (token < 0 || token >= logits.length || seenEarlierInWindow(history, historyLength - window, i)) {
                continue;
            }
            int count = 0;
            for (int j = i; j < historyLength; j++) {
                if (history[j] == token) {
                    count++;
                }
            }
            float logit = logits[token];
            logit = logit > 0 ? logit / parameters.repeatPenalty() : logit * parameters.repeatPenalty();
            logit -= count * parameters.frequencyPenalty() + parameters.presencePenalty();
            logits[token] = logit;
        }
    }

    private static boolean seenEarlierInWindow(int[] history, int windowStart, int i) {
        for (int j = windowStart; j < i; j++) {
            if (history[j] == history[i]) {
                return true;
            }
        }
        return false;
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
