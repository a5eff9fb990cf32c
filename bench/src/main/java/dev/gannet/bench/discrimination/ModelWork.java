package dev.gannet.bench.discrimination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gannet.runtime.backend.Completion;
import java.util.List;

/**
 * What the model did for one case, summed over its turns: prompt tokens it evaluated (the part not
 * already in its KV cache) and how long that took, tokens it generated and how long that took. The
 * speed columns of the report are ratios of these sums, so a case of many short turns and one of a
 * single long turn weigh by their tokens, not by their count.
 *
 * @param promptTokens     prompt tokens evaluated (cached ones excluded)
 * @param promptMillis     time spent evaluating them
 * @param generatedTokens  tokens generated
 * @param generationMillis time spent generating them
 */
public record ModelWork(long promptTokens, double promptMillis, long generatedTokens, double generationMillis) {
    public static final ModelWork NONE = new ModelWork(0, 0, 0, 0);

    /** The work of the completions of one case. */
    public static ModelWork of(List<Completion> turns) {
        ModelWork total = NONE;
        for (Completion turn : turns) {
            Completion.Usage usage = turn.usage();
            total = total.plus(new ModelWork(usage.promptTokens() - usage.cachedPromptTokens(), usage.promptNanos() / 1e6,
                    usage.completionTokens(), usage.generationNanos() / 1e6));
        }
        return total;
    }

    public ModelWork plus(ModelWork other) {
        return new ModelWork(promptTokens + other.promptTokens, promptMillis + other.promptMillis,
                generatedTokens + other.generatedTokens, generationMillis + other.generationMillis);
    }

    /** Generated tokens per second of generation; null when no generation time was measured. */
    public Double decodeTokensPerSecond() {
        return rate(generatedTokens, generationMillis);
    }

    /** Evaluated prompt tokens per second of prompt evaluation; null when none was measured. */
    public Double prefillTokensPerSecond() {
        return rate(promptTokens, promptMillis);
    }

    private static Double rate(long tokens, double millis) {
        return millis > 0 && tokens > 0 ? tokens * 1000.0 / millis : null;
    }

    void writeTo(ObjectNode node) {
        node.put("prompt_tokens", promptTokens);
        node.put("prompt_ms", promptMillis);
        node.put("generated_tokens", generatedTokens);
        node.put("generation_ms", generationMillis);
    }

    /** Reads what {@link #writeTo} wrote; results cached before these fields existed read as no timings. */
    static ModelWork readFrom(JsonNode node) {
        return new ModelWork(node.path("prompt_tokens").asLong(), node.path("prompt_ms").asDouble(),
                node.path("generated_tokens").asLong(), node.path("generation_ms").asDouble());
    }
}
