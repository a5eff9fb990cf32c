package dev.gannet.kernels.engine;

import dev.gannet.kernels.model.TokenEvaluator;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The generation loop: evaluate the prompt (batched), then sample a token, hand it to the sink,
 * evaluate it, and repeat until an end-of-generation token, the limit, a full context, or the sink
 * says stop.
 */
public final class Generator {
    private Generator() {
    }

    /**
     * @param session           where the prompt is appended (it may already hold a prefix)
     * @param prompt            tokens to evaluate first; at least one
     * @param maxTokens         most tokens to generate
     * @param isEndOfGeneration the model's EOS/EOT tokens
     */
    public static GenerationResult generate(TokenEvaluator session, int[] prompt, SamplingParameters parameters,
                                            int maxTokens, IntPredicate isEndOfGeneration, TokenSink sink) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt is empty");
        }
        Sampler sampler = new Sampler(parameters);
        int[] history = Arrays.copyOf(prompt, prompt.length + Math.max(0, maxTokens));
        int historyLength = prompt.length;

        long promptStart = System.nanoTime();
        float[] logits = session.evaluate(prompt);
        long promptNanos = System.nanoTime() - promptStart;

        long generationStart = System.nanoTime();
        int generated = 0;
        FinishReason reason = FinishReason.LENGTH;
        while (generated < maxTokens) {
            int token = sampler.sample(logits, history, historyLength);
            if (isEndOfGeneration.test(token)) {
                reason = FinishReason.STOP;
                break;
            }
            history[historyLength++] = token;
            generated++;
            FinishReason stop = sink.accept(token);
            if (stop != null) {
                reason = stop;
                break;
            }
            if (generated == maxTokens) {
                break;
            }
            if (session.position() >= session.contextSize()) {
                reason = FinishReason.LENGTH;
                break;
            }
            logits = session.evaluateNext(token);
        }
        long generationNanos = System.nanoTime() - generationStart;
        int[] tokens = Arrays.copyOfRange(history, prompt.length, historyLength);
        return new GenerationResult(tokens, reason, prompt.length, promptNanos, generationNanos);
    }
}
