package dev.gannet.kernels.model;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * One conversation's worth of model state: the KV cache, the scratch buffers and how many positions
 * are filled. Feeding tokens appends them; {@link #rewind(int)} drops positions so a shared prefix
 * can be kept and the rest re-evaluated. Not thread-safe: one session, one caller at a time.
 */
public final class InferenceSession implements TokenEvaluator {
    /** Prompt tokens are evaluated in batches of at most this many (matrix × matrix per batch). */
    public static final int DEFAULT_BATCH = 64;

    private final Transformer transformer;
    private final ThreadTeam team;
    private final KvCache cache;
    private final ForwardState state;
    private final int vocab;
    private int position;
    /** [1] the token of {@link #evaluateNext} */
    private final int[] single = new int[1];
    /** [vocab] the logits {@link #evaluateNext} returns */
    private final float[] nextLogits;
    private ForwardTrace trace = ForwardTrace.NONE;

    public InferenceSession(Transformer transformer, ThreadTeam team, int contextSize, int maxBatch,
                            KvCacheType kvType) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + maxBatch);
        }
        this.transformer = transformer;
        this.team = team;
        this.cache = new KvCache(transformer.config(), contextSize, kvType);
        this.state = new ForwardState(transformer.config(), maxBatch, team.size(),
                transformer.loraRank());
        this.vocab = transformer.config().vocabularySize();
        this.nextLogits = new float[vocab];
    }

    /** Positions evaluated so far. */
    @Override
    public int position() {
        return position;
    }

    @Override
    public int contextSize() {
        return cache.capacity();
    }

    public void trace(ForwardTrace trace) {
        this.trace = trace == null ? ForwardTrace.NONE : trace;
    }

    /**
     * Times the steps of every forward pass of this session into {@code profile} from now on; null
     * stops. See {@link ForwardProfile}.
     */
    public void profile(ForwardProfile profile) {
        state.profile = profile;
    }

    /** Forgets every position from {@code newPosition} on. */
    @Override
    public void rewind(int newPosition) {
        if (newPosition < 0 || newPosition > position) {
            throw new IllegalArgumentException("cannot rewind to " + newPosition + " from " + position);
        }
        position = newPosition;
    }

    /**
     * Writes the keys and values of positions [0, positions) to {@code out} ({@link #kvBytes} bytes), so
     * that a later process can take them back with {@link #readKv} instead of evaluating those tokens
     * again. The layout is the cache's own, in little-endian values of its {@link #kvType()}; nothing
     * identifies the model or the type, so the caller keeps those beside it.
     */
    public void writeKv(int positions, WritableByteChannel out) throws IOException {
        if (positions > position) {
            throw new IllegalArgumentException("only " + position + " positions are evaluated, not " + positions);
        }
        cache.write(positions, out);
    }

    /**
     * Replaces this session's state with {@code positions} positions read from what {@link #writeKv}
     * wrote for the same model: afterwards {@link #position()} is {@code positions}. On a failure the
     * session is left empty (position 0), never half-filled.
     */
    public void readKv(int positions, ReadableByteChannel in) throws IOException {
        position = 0;
        cache.read(positions, in);
        position = positions;
    }

    /** How the KV cache stores keys and values. */
    public KvCacheType kvType() {
        return cache.type();
    }

    /** Bytes {@link #writeKv} writes for {@code positions} positions. */
    public long kvBytes(int positions) {
        return KvCache.bytesFor(transformer.config(), positions, cache.type());
    }

    /**
     * Evaluates tokens in batches and returns the logits after the last one, [vocab], in a new array.
     */
    @Override
    public float[] evaluate(int[] tokens) {
        return evaluate(tokens, 0, tokens.length);
    }

    public float[] evaluate(int[] tokens, int offset, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("nothing to evaluate");
        }
        check(tokens, offset, count);
        int done = 0;
        while (done < count) {
            int batch = Math.min(state.maxBatch, count - done);
            transformer.forward(team, state, cache, tokens, offset + done, batch, position, false, trace);
            position += batch;
            done += batch;
        }
        float[] logits = new float[vocab];
        System.arraycopy(state.logits, 0, logits, 0, vocab);
        return logits;
    }

    /**
     * Evaluates one token — the decode step — and returns the logits after it in an array the
     * session owns and overwrites on the next call: nothing is allocated per token.
     */
    @Override
    public float[] evaluateNext(int token) {
        single[0] = token;
        check(single, 0, 1);
        transformer.forward(team, state, cache, single, 0, 1, position, false, trace);
        position++;
        System.arraycopy(state.logits, 0, nextLogits, 0, vocab);
        return nextLogits;
    }

    /**
     * Evaluates tokens and returns the logits after each, [count][vocab] flattened — what
     * {@code gannet logits} writes and what the reference comparisons read.
     */
    @Override
    public float[] evaluateAll(int[] tokens) {
        check(tokens, 0, tokens.length);
        float[] all = new float[tokens.length * vocab];
        int done = 0;
        while (done < tokens.length) {
            int batch = Math.min(state.maxBatch, tokens.length - done);
            transformer.forward(team, state, cache, tokens, done, batch, position, true, trace);
            System.arraycopy(state.logits, 0, all, done * vocab, batch * vocab);
            position += batch;
            done += batch;
        }
        return all;
    }

    private void check(int[] tokens, int offset, int count) {
        if (position + count > cache.capacity()) {
            throw new ContextOverflowException(position + count, cache.capacity());
        }
        cache.reserve(position + count);
        for (int i = offset; i < offset + count; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocab) {
                throw new IllegalArgumentException("token id " + tokens[i] + " is outside the vocabulary (0.."
                        + (vocab - 1) + ")");
            }
        }
    }

    /** The CPU session holds only heap memory: nothing to free. */
    @Override
    public void close() {
    }
}
