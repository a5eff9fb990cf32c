package dev.gannet.kernels.model;

/**
 * Tokens in, logits out, for one conversation: what generation needs of a compute backend. The CPU
 * path is {@link InferenceSession}; the CUDA backend ({@code dev.gannet.kernels.cuda}) implements
 * it too, so callers do not care where the forward pass runs.
 */
public interface TokenEvaluator extends AutoCloseable {
    /** Positions evaluated so far. */
    int position();

    int contextSize();

    /** Forgets every position from {@code newPosition} on. */
    void rewind(int newPosition);

    /** Evaluates tokens and returns the logits after the last one, [vocab], in a new array. */
    float[] evaluate(int[] tokens);

    /** Evaluates one token and returns the logits after it, in an array reused by the next call. */
    float[] evaluateNext(int token);

    /** Evaluates tokens and returns the logits after each, [count][vocab] flattened. */
    float[] evaluateAll(int[] tokens);

    /** Frees what the backend holds (device memory); nothing for the CPU. */
    @Override
    void close();
}
