package dev.gannet.kernels.engine;

/**
 * What a generation produced, why it stopped, and how long prompt and generation took apart.
 *
 * @param tokens          the generated tokens (the end-of-generation token, if any, not included)
 * @param finishReason    why it stopped
 * @param promptTokens    prompt tokens evaluated
 * @param promptNanos     time spent evaluating them
 * @param generationNanos time spent generating (sampling and evaluating the generated tokens)
 */
public record GenerationResult(int[] tokens, FinishReason finishReason, int promptTokens, long promptNanos,
                               long generationNanos) {

    public double promptTokensPerSecond() {
        return promptNanos == 0 ? 0 : promptTokens * 1e9 / promptNanos;
    }

    public double generationTokensPerSecond() {
        return generationNanos == 0 ? 0 : tokens.length * 1e9 / generationNanos;
    }
}
