package dev.gannet.bench.grammar;

import dev.gannet.prompts.grammar.TokenMasker;
import dev.gannet.prompts.grammar.TokenVocabulary;
import dev.gannet.prompts.grammar.ToolCallConstraint;
import dev.gannet.prompts.grammar.ToolCallGrammar;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures what constrained tool calls cost per generated token over GPT-2's 50257-token
 * vocabulary: a scripted model writes five realistic Hermes calls (read_file, grep, run_command,
 * write_file with a Java file's content, list_files) token by token, always taking the longest
 * allowed token that continues its text, and every masked step is timed: computing the mask and
 * accepting the chosen token (the scripted model's own choice is left out).
 *
 * <p>Three settings: no cache (every mask walked afresh: the cost of the prefix-tree walk itself),
 * a fresh cache per call (the first call of a conversation), and a cache shared across calls (a
 * conversation after its first calls). Run (after {@code ./mvnw -q -pl bench -am package -DskipTests}):
 *
 * <pre>
 * java -cp runtime/target/gannet.jar:bench/target/test-classes \
 *     dev.gannet.bench.grammar.ToolCallMaskBenchmark ../shared/fixtures/tokenizer/ggml-vocab-gpt-2.gguf
 * </pre>
 */
public final class ToolCallMaskBenchmark {
    private static final int WARMUP_ROUNDS = 10;
    private static final int MEASURED_ROUNDS = 20;

    private ToolCallMaskBenchmark() {
    }

    public static void main(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : Gpt2Vocabulary.file();
        List<String> texts = Gpt2Vocabulary.texts(file);
        long start = System.nanoTime();
        TokenVocabulary vocabulary = TokenVocabulary.of(texts);
        System.out.printf("vocabulary: %d tokens from %s, prefix tree built in %.0f ms (once per model)%n",
                vocabulary.size(), file.getFileName(), (System.nanoTime() - start) / 1e6);
        ToolCallGrammar grammar = ToolCallGrammar.of(ToolCallFormat.HERMES, AgentTools.declared());

        report("no cache (walk every step)", () -> TokenMasker.uncached(grammar, vocabulary), true, texts);
        report("cache fresh per call", () -> TokenMasker.of(grammar, vocabulary), true, texts);
        TokenMasker shared = TokenMasker.of(grammar, vocabulary);
        report("cache shared across calls", () -> shared, false, texts);
    }

    private static void report(String setting, Supplier<TokenMasker> maskers, boolean freshPerCall, List<String> texts) {
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            runAll(maskers, texts, null);
        }
        long[] times = new long[MEASURED_ROUNDS * 2000];
        int[] count = {0};
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            runAll(maskers, texts, new Recorder(times, count));
        }
        long[] steps = Arrays.copyOf(times, count[0]);
        Arrays.sort(steps);
        double mean = Arrays.stream(steps).average().orElse(0) / 1000.0;
        System.out.printf("%-28s %5d masked steps  mean %8.1f µs  p50 %8.1f µs  p90 %8.1f µs  p99 %8.1f µs  max %8.1f µs%n",
                setting, steps.length, mean, percentile(steps, 0.50), percentile(steps, 0.90), percentile(steps, 0.99),
                steps[steps.length - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1000.0;
    }

    /** Collects step times across rounds. */
    private record Recorder(long[] times, int[] count) {
        void add(long nanos) {
            if (count[0] < times.length) {
                times[count[0]++] = nanos;
            }
        }
    }

    private static void runAll(Supplier<TokenMasker> maskers, List<String> texts, Recorder recorder) {
        for (String call : AgentTools.CALLS) {
            ToolCallConstraint constraint = maskers.get().newConstraint();
            constraint.acceptText("<tool_call>");
            int position = 0;
            while (constraint.isConstraining()) {
                // Timed: the mask, and advancing by the chosen token. Not timed: the scripted model's choice.
                long before = System.nanoTime();
                BitSet allowed = constraint.allowedTokens().orElseThrow();
                long masked = System.nanoTime();
                int token = longestAllowedPrefix(texts, allowed, call, position);
                long chosen = System.nanoTime();
                constraint.accept(token);
                long accepted = System.nanoTime();
                if (recorder != null) {
                    recorder.add((masked - before) + (accepted - chosen));
                }
                position += texts.get(token).length();
            }
            if (position != call.length()) {
                throw new IllegalStateException("the call ended early at " + position + ": " + call);
            }
        }
    }

    /** The scripted model: the longest allowed token that continues its text. */
    static int longestAllowedPrefix(List<String> texts, BitSet allowed, String target, int position) {
        int best = -1;
        for (int id = allowed.nextSetBit(0); id >= 0; id = allowed.nextSetBit(id + 1)) {
            String text = texts.get(id);
            if (!text.isEmpty() && target.startsWith(text, position)
                    && (best < 0 || text.length() > texts.get(best).length())) {
                best = id;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no allowed token continues " + target.substring(position));
        }
        return best;
    }
}
