package dev.gannet.kernels.engine;

/**
 * How the next token is chosen from the logits. The defaults are llama.cpp's.
 *
 * @param temperature      0 (or less) picks the most likely token (greedy)
 * @param topK             keep the k most likely tokens; 0 keeps all
 * @param topP             keep the smallest set whose probability reaches p; 1 keeps all
 * @param minP             drop tokens less likely than minP × the top probability; 0 keeps all
 * @param repeatPenalty    divide positive (multiply negative) logits of recent tokens; 1 is off
 * @param frequencyPenalty subtract this × how often a recent token occurred; 0 is off
 * @param presencePenalty  subtract this once from every recent token; 0 is off
 * @param penaltyWindow    how many of the last tokens the penalties look at
 * @param seed             random seed: the same seed, logits and parameters give the same tokens
 */
public record SamplingParameters(
        float temperature,
        int topK,
        float topP,
        float minP,
        float repeatPenalty,
        float frequencyPenalty,
        float presencePenalty,
        int penaltyWindow,
        long seed) {

    public SamplingParameters {
        if (Float.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be a number");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be 0 or more, not " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], not " + topP);
        }
        if (!(minP >= 0 && minP <= 1)) {
            throw new IllegalArgumentException("min-p must be in [0, 1], not " + minP);
        }
        if (!(repeatPenalty > 0)) {
            throw new IllegalArgumentException("repeat penalty must be positive, not " + repeatPenalty);
        }
        if (penaltyWindow < 0) {
            throw new IllegalArgumentException("penalty window must be 0 or more, not " + penaltyWindow);
        }
    }

    /** Always the most likely token. */
    public static SamplingParameters greedy() {
        return new SamplingParameters(0f, 40, 0.95f, 0.05f, 1f, 0f, 0f, 64, 0L);
    }

    /** llama.cpp's defaults: temperature 0.8, top-k 40, top-p 0.95, min-p 0.05, no penalties. */
    public static SamplingParameters defaults(long seed) {
        return new SamplingParameters(0.8f, 40, 0.95f, 0.05f, 1f, 0f, 0f, 64, seed);
    }

    public SamplingParameters withTemperature(float t) {
        return new SamplingParameters(t, topK, topP, minP, repeatPenalty, frequencyPenalty, presencePenalty, penaltyWindow, seed);
    }

    public SamplingParameters withSeed(long s) {
        return new SamplingParameters(temperature, topK, topP, minP, repeatPenalty, frequencyPenalty, presencePenalty, penaltyWindow, s);
    }

    public SamplingParameters withTopK(int k) {
        return new SamplingParameters(temperature, k, topP, minP, repeatPenalty, frequencyPenalty, presencePenalty, penaltyWindow, seed);
    }

    public SamplingParameters withTopP(float p) {
        return new SamplingParameters(temperature, topK, p, minP, repeatPenalty, frequencyPenalty, presencePenalty, penaltyWindow, seed);
    }

    public SamplingParameters withMinP(float p) {
        return new SamplingParameters(temperature, topK, topP, p, repeatPenalty, frequencyPenalty, presencePenalty, penaltyWindow, seed);
    }

    public SamplingParameters withPenalties(float repeat, float frequency, float presence, int window) {
        return new SamplingParameters(temperature, topK, topP, minP, repeat, frequency, presence, window, seed);
    }

    public boolean isGreedy() {
        return temperature <= 0;
    }
}
