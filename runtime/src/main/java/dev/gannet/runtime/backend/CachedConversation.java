package dev.gannet.runtime.backend;

import dev.gannet.kernels.model.InferenceSession;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * One conversation's KV cache and the token ids it holds, position by position, so that the next
 * turn can keep the longest prefix it shares with them and evaluate only the rest.
 */
final class CachedConversation {
    private final InferenceSession session;
    /** [session.position()] the token evaluated at each position */
    private int[] tokens = new int[256];

    CachedConversation(InferenceSession session) {
        this.session = session;
    }

    InferenceSession session() {
        return session;
    }

    /** Positions filled. */
    int length() {
        return session.position();
    }

    /** How many leading tokens of {@code prompt} the cache already holds. */
    int commonPrefix(int[] prompt) {
        int limit = Math.min(prompt.length, length());
        int i = 0;
        while (i < limit && tokens[i] == prompt[i]) {
            i++;
        }
        return i;
    }

    /** The token ids of the positions filled, a copy. */
    int[] tokens() {
        return Arrays.copyOf(tokens, length());
    }

    /**
     * Replaces what the cache holds with {@code ids} and their keys and values, read from {@code in}
     * (as {@link InferenceSession#writeKv} wrote them). On a failure the cache is left empty.
     */
    void restore(int[] ids, ReadableByteChannel in) throws IOException {
        session.readKv(ids.length, in);
        remember(0, ids, 0, ids.length);
    }

    /** Drops every position from {@code position} on. */
    void rewind(int position) {
        session.rewind(position);
    }

    /** Evaluates {@code count} tokens of {@code ids} from {@code offset}; the logits after the last, a new array. */
    float[] evaluate(int[] ids, int offset, int count) {
        int start = length();
        float[] logits = session.evaluate(ids, offset, count);
        remember(start, ids, offset, count);
        return logits;
    }

    /** Evaluates one generated token; the logits array is the session's, overwritten next time. */
    float[] evaluateNext(int id) {
        int start = length();
        float[] logits = session.evaluateNext(id);
        if (start == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokens.length * 2);
        }
        tokens[start] = id;
        return logits;
    }

    private void remember(int start, int[] ids, int offset, int count) {
        if (start + count > tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, start + count));
        }
        System.arraycopy(ids, offset, tokens, start, count);
    }
}
