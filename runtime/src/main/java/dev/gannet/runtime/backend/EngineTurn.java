package dev.gannet.runtime.backend;

import dev.gannet.kernels.engine.Sampler;
import dev.gannet.kernels.tokenizer.Tokenizer;
import dev.gannet.prompts.grammar.ToolCallConstraint;
import dev.gannet.prompts.stop.StopStringMatcher;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * One assistant turn on the engine: keep the prefix the conversation's KV cache shares with the prompt,
 * evaluate the rest in chunks (cancellation is checked between them), then sample token by token —
 * masked by the call grammar while a call is under way — until an end-of-generation token, a stop
 * string, the token limit, a full context, or cancellation. Text goes through the stop strings into
 * the turn parser as it is generated. One per turn.
 */
final class EngineTurn {
    /**
     * Prompt tokens evaluated between two looks at the cancellation flag: small enough that a cancel
     * during a long prefill lands within a fraction of a second on a small model on a laptop CPU.
     */
    static final int PREFILL_CHUNK = 32;

    private final CachedConversation conversation;
    private final EngineVocabulary vocabulary;
    private final GenerationSettings settings;
    private final Cancellation cancellation;
    private final StopStringMatcher stops;
    private final TurnParser turn;
    private final Optional<CallPlan> calls;

    EngineTurn(CachedConversation conversation, EngineVocabulary vocabulary, CompletionRequest request,
               StopStringMatcher stops, TurnParser turn, Optional<CallPlan> calls) {
        this.conversation = conversation;
        this.vocabulary = vocabulary;
        this.settings = request.settings();
        this.cancellation = request.cancellation();
        this.stops = stops;
        this.turn = turn;
        this.calls = calls;
    }

    /**
     * Generates the turn.
     *
     * @param prompt      the rendered conversation's tokens
     * @param reusePrefix whether the tokens the cache already holds may be kept
     * @param prefilled   told, once the whole prompt is evaluated and before anything is generated, how
     *                    many of its tokens the cache held already (not told when cancelled in between)
     */
    Completion run(int[] prompt, boolean reusePrefix, IntConsumer prefilled) {
        // Prefill: keep the shared prefix (at least one token is evaluated, for its logits).
        int cached = reusePrefix ? Math.min(conversation.commonPrefix(prompt), prompt.length - 1) : 0;
        conversation.rewind(cached);
        long promptStart = System.nanoTime();
        float[] logits = null;
        for (int done = cached; done < prompt.length; done += PREFILL_CHUNK) {
            if (cancellation.isCancelled()) {
                long promptNanos = System.nanoTime() - promptStart;
                return turn.finish(Completion.FinishReason.CANCELLED,
                        new Completion.Usage(prompt.length, cached, 0, promptNanos, 0));
            }
            logits = conversation.evaluate(prompt, done, Math.min(PREFILL_CHUNK, prompt.length - done));
        }
        long promptNanos = System.nanoTime() - promptStart;
        prefilled.accept(cached);

        // Generation: sample, emit, evaluate, until something ends the turn.
        long generationStart = System.nanoTime();
        Tokenizer tokenizer = vocabulary.tokenizer();
        Sampler sampler = new Sampler(settings.sampling());
        int[] history = Arrays.copyOf(prompt, prompt.length + settings.maxTokens());
        int historyLength = prompt.length;
        int[] forced = calls.map(CallPlan::forcedTokens).orElse(new int[0]);
        EngineVocabulary.TextStream text = vocabulary.newTextStream();
        int generated = 0;
        Completion.FinishReason reason;
        while (true) {
            if (cancellation.isCancelled()) {
                reason = Completion.FinishReason.CANCELLED;
                break;
            }
            int token;
            if (generated < forced.length) {
                token = forced[generated];
            } else {
                boolean constrained = calls.isPresent() && mask(calls.get().constraint(), logits);
                token = sampler.sample(logits, history, historyLength);
                if (!constrained && tokenizer.isEndOfGeneration(token)) {
                    reason = Completion.FinishReason.STOP;
                    break;
                }
            }
            calls.ifPresent(plan -> plan.constraint().accept(token));
            history[historyLength++] = token;
            generated++;
            StopStringMatcher.Release release = stops.accept(text.accept(token));
            turn.accept(release.text());
            if (release.stopped()) {
                reason = Completion.FinishReason.STOP;
                break;
            }
            if (generated > forced.length && RepetitionDetector.endsInLoop(history, prompt.length, historyLength)) {
                reason = Completion.FinishReason.STOP; // a loop: more of it would say nothing new
                break;
            }
            if (conversation.length() >= conversation.session().contextSize()) {
                reason = Completion.FinishReason.LENGTH;
                break;
            }
            if (generated == settings.maxTokens()) {
                reason = Completion.FinishReason.LENGTH;
                break; // the last token is not evaluated: nothing would read its logits
            }
            logits = conversation.evaluateNext(token);
        }
        if (reason != Completion.FinishReason.CANCELLED) {
            turn.accept(stops.accept(text.flush()).text());
            turn.accept(stops.flush());
        }
        long generationNanos = System.nanoTime() - generationStart;
        return turn.finish(reason, new Completion.Usage(prompt.length, cached, generated, promptNanos, generationNanos));
    }

    /**
     * While a call is under way, sets every token the grammar refuses (and every end-of-generation
     * token, and ids beyond the tokenizer's vocabulary) to -infinity.
     *
     * @return whether the logits were masked
     */
    private boolean mask(ToolCallConstraint constraint, float[] logits) {
        Optional<BitSet> allowed = constraint.allowedTokens();
        if (allowed.isEmpty()) {
            return false;
        }
        BitSet ok = allowed.get();
        int vocabularySize = vocabulary.size();
        for (int id = ok.nextClearBit(0); id < logits.length; id = ok.nextClearBit(id + 1)) {
            logits[id] = Float.NEGATIVE_INFINITY;
        }
        for (int id = vocabularySize; id < logits.length; id++) {
            logits[id] = Float.NEGATIVE_INFINITY;
        }
        for (int id : vocabulary.tokenizer().specials().endOfGeneration()) {
            if (id >= 0 && id < logits.length) {
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
        return true;
    }
}
