package dev.gannet.prompts.grammar;

import java.util.BitSet;
import java.util.Optional;

/**
 * Constrained tool calls for one generation, applied lazily. While the model writes answer text,
 * every token is allowed; once its text completes a trigger ({@code <tool_call>}, …) the grammar
 * takes over and only tokens that keep the call valid are allowed, until the call is complete;
 * then the text is free again, and the next trigger starts the next call.
 *
 * <p>Each step: ask {@link #allowedTokens()}, mask the logits with it, sample, and give the chosen
 * token to {@link #accept(int)}. While a call is under way, tokens with empty text (EOS and other
 * control tokens) are not allowed: the call must be finished first.
 *
 * <p>The text after a trigger within the same token is read by the grammar; if it breaks the
 * grammar (the model chose it freely, before the constraint applied), the constraint lets that
 * call go and the tool-call parser reports it. Not thread-safe.
 */
public final class ToolCallConstraint {
    private final TokenMasker masker;
    private final ToolCallGrammar grammar;
    private final TokenVocabulary vocabulary;
    /** The call under way, or null while the text is free. */
    private GrammarState state;
    /** The last characters of free text, enough to hold the longest trigger. */
    private final char[] recent;
    /** For each of them: whether only whitespace came before it on its line. */
    private final boolean[] recentAtLineStart;
    private int recentLength;
    private boolean lineBlank = true;
    private int completedCalls;
    private int abandonedCalls;

    ToolCallConstraint(TokenMasker masker, ToolCallGrammar grammar, TokenVocabulary vocabulary) {
        this.masker = masker;
        this.grammar = grammar;
        this.vocabulary = vocabulary;
        int longest = grammar.triggers().stream().mapToInt(t -> t.text().length()).max().orElse(1);
        this.recent = new char[longest];
        this.recentAtLineStart = new boolean[longest];
    }

    /**
     * The tokens allowed next, or empty when every token is (free text). The set is shared: read
     * it, do not modify it.
     */
    public Optional<BitSet> allowedTokens() {
        return state == null ? Optional.empty() : Optional.of(masker.mask(state));
    }

    /** Whether a call is under way (the next step is masked). */
    public boolean isConstraining() {
        return state != null;
    }

    /**
     * The model chose {@code tokenId}.
     *
     * @throws IllegalArgumentException when a call is under way and the token is not allowed
     */
    public void accept(int tokenId) {
        if (state != null && !masker.mask(state).get(tokenId)) {
            throw new IllegalArgumentException("token " + tokenId + " (" + vocabulary.text(tokenId)
                    + ") is not allowed in the tool call under way");
        }
        acceptText(vocabulary.text(tokenId));
    }

    /** Text the model wrote, as if token by token (for text that did not come from the vocabulary). */
    public void acceptText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (state == null) {
                free(c);
                continue;
            }
            GrammarState next = state.advance(c);
            if (next == null) {
                // Only text chosen before the constraint applied can get here.
                state = null;
                abandonedCalls++;
                free(c);
            } else if (next.isFinished()) {
                state = null;
                completedCalls++;
                recentLength = 0;
                lineBlank = true;
            } else {
                state = next;
            }
        }
    }

    /** The call under way (null while free); for tests. */
    GrammarState state() {
        return state;
    }

    /** Calls the grammar saw through to the end. */
    public int completedCalls() {
        return completedCalls;
    }

    /** Calls started by a token whose text after the trigger broke the grammar. */
    public int abandonedCalls() {
        return abandonedCalls;
    }

    /** A character of free text: remember it, and start a call if it completes a trigger. */
    private void free(char c) {
        if (recentLength == recent.length) {
            System.arraycopy(recent, 1, recent, 0, recentLength - 1);
            System.arraycopy(recentAtLineStart, 1, recentAtLineStart, 0, recentLength - 1);
            recentLength--;
        }
        recent[recentLength] = c;
        recentAtLineStart[recentLength] = lineBlank;
        recentLength++;
        if (c == '\n') {
            lineBlank = true;
        } else if (!Whitespace.is(c)) {
            lineBlank = false;
        }
        for (Trigger trigger : grammar.triggers()) {
            String text = trigger.text();
            int start = recentLength - text.length();
            if (start >= 0 && endsWith(text) && (!trigger.atLineStart() || recentAtLineStart[start])) {
                state = trigger.after();
                recentLength = 0;
                return;
            }
        }
    }

    private boolean endsWith(String text) {
        int start = recentLength - text.length();
        for (int i = 0; i < text.length(); i++) {
            if (recent[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
