package dev.gannet.runtime.backend;

import dev.gannet.kernels.engine.SamplingParameters;
import java.util.List;
import java.util.Objects;

/**
 * How to generate.
 *
 * @param sampling         temperature, top-k/p, penalties, seed
 * @param maxTokens        most tokens to generate in this turn
 * @param stop             extra stop strings (the model's own end tokens always apply); the stop
 *                         string itself is not part of the output
 * @param constrainedCalls whether tool calls are generated under the tool-call grammar (valid JSON
 *                         for a declared tool, always) where the backend can
 */
public record GenerationSettings(SamplingParameters sampling, int maxTokens, List<String> stop,
                                 boolean constrainedCalls) {
    public static final int DEFAULT_MAX_TOKENS = 1024;

    public GenerationSettings {
        Objects.requireNonNull(sampling, "sampling");
        stop = List.copyOf(stop);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be at least 1, was " + maxTokens);
        }
    }

    /** Greedy, the default length, no extra stops, calls constrained: repeatable agent runs. */
    public static GenerationSettings greedy() {
        return new GenerationSettings(SamplingParameters.greedy(), DEFAULT_MAX_TOKENS, List.of(), true);
    }

    public GenerationSettings withMaxTokens(int n) {
        return new GenerationSettings(sampling, n, stop, constrainedCalls);
    }

    public GenerationSettings withStop(List<String> strings) {
        return new GenerationSettings(sampling, maxTokens, strings, constrainedCalls);
    }

    public GenerationSettings withSampling(SamplingParameters parameters) {
        return new GenerationSettings(parameters, maxTokens, stop, constrainedCalls);
    }

    public GenerationSettings withConstrainedCalls(boolean on) {
        return new GenerationSettings(sampling, maxTokens, stop, on);
    }
}
