package dev.gannet.bench.speed;

/**
 * The times of one measured run, in seconds.
 *
 * @param prefill      evaluating the whole prompt (batched), up to its last logits
 * @param firstDecode  the first one-token step after the prompt
 * @param decode       all {@code generated} one-token steps, the first included
 * @param generated    one-token steps taken
 */
public record RunTiming(double prefill, double firstDecode, double decode, int generated) {

    public double prefillTokensPerSecond(int promptTokens) {
        return promptTokens / prefill;
    }

    public double decodeTokensPerSecond() {
        return generated / decode;
    }

    /** Time to first token: the prompt, then the first decode step. */
    public double timeToFirstToken() {
        return prefill + firstDecode;
    }
}
