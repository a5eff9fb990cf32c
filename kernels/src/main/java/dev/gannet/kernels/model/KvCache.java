package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ModelConfig;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Keys and values of every position evaluated so far, per layer, as IEEE half-precision floats (the
 * bits in a {@code short}, {@link KvCacheType#F16}, as llama.cpp keeps them by default) or as floats
 * ({@link KvCacheType#F32}). Decode is bound by memory traffic, and past a few hundred positions
 * the cache is a large part of it (SmolLM2-135M at 640 positions: 29 MB per token in float, a third
 * of the weights); half precision halves that, and a loop of {@link Float#float16ToFloat} is
 * compiled into one conversion instruction per vector. Exactly one of the two array sets exists.
 *
 * <p>Both are laid out so that attention reads long runs of one KV head: keys transposed, position
 * innermost ({@code [kvHead][dim][position]}), so scores of many positions come from vector FMAs
 * with no horizontal sums; values head-major, then position ({@code [kvHead][position][dim]}). The
 * arrays grow (doubling) as positions fill, up to the capacity, so memory follows the context
 * actually used rather than the largest one allowed.
 */
public final class KvCache {
    /** Positions allocated at first. */
    private static final int INITIAL_POSITIONS = 256;
    /** Values moved per channel call: large enough that the calls cost nothing next to the copying. */
    private static final int TRANSFER_VALUES = 32_768;

    final KvCacheType type;
    /** F16: [layer][(kvHead * headDim + i) * allocated + position]; null for F32 */
    final short[][] halfKeys;
    /** F16: [layer][(kvHead * allocated + position) * headDim + i]; null for F32 */
    final short[][] halfValues;
    /** F32: the same layout as {@link #halfKeys}; null for F16 */
    final float[][] keys;
    /** F32: the same layout as {@link #halfValues}; null for F16 */
    final float[][] values;
    private final int layers;
    private final int capacity;
    private final int kvDim;
    private final int headDim;
    private final int kvHeads;
    private int allocated;

    public KvCache(ModelConfig config, int capacity, KvCacheType type) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("context size must be positive, not " + capacity);
        }
        this.capacity = capacity;
        this.type = type;
        this.layers = config.layers();
        this.kvDim = config.kvDim();
        this.headDim = config.headDim();
        this.kvHeads = config.kvHeads();
        if ((long) capacity * kvDim > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("context of " + capacity + " positions is too large for one KV array");
        }
        this.allocated = Math.min(capacity, INITIAL_POSITIONS);
        boolean half = type == KvCacheType.F16;
        halfKeys = half ? new short[layers][allocated * kvDim] : null;
        halfValues = half ? new short[layers][allocated * kvDim] : null;
        keys = half ? null : new float[layers][allocated * kvDim];
        values = half ? null : new float[layers][allocated * kvDim];
    }

    /** Makes room for positions [0, positions); called before a batch is evaluated. */
    void reserve(int positions) {
        if (positions <= allocated) {
            return;
        }
        int grown = allocated;
        while (grown < positions) {
            grown = (int) Math.min(capacity, 2L * grown);
        }
        for (int layer = 0; layer < layers; layer++) {
            if (type == KvCacheType.F16) {
                halfKeys[layer] = widenKeys(halfKeys[layer], new short[grown * kvDim], grown);
                halfValues[layer] = widenValues(halfValues[layer], new short[grown * kvDim], grown);
            } else {
                keys[layer] = widenKeys(keys[layer], new float[grown * kvDim], grown);
                values[layer] = widenValues(values[layer], new float[grown * kvDim], grown);
            }
        }
        allocated = grown;
    }

    /** Copies each key row (one element of one head, over positions) to its place at the new stride. */
    private <A> A widenKeys(A from, A to, int grown) {
        for (int row = 0; row < kvDim; row++) {
            System.arraycopy(from, row * allocated, to, row * grown, allocated);
        }
        return to;
    }

    /** Copies each head's run of positions to its place at the new stride. */
    private <A> A widenValues(A from, A to, int grown) {
        for (int head = 0; head < kvHeads; head++) {
            System.arraycopy(from, head * allocated * headDim, to, head * grown * headDim, allocated * headDim);
        }
        return to;
    }

    /** Positions each key row holds: the stride of the transposed key layout and of the value heads. */
    int allocated() {
        return allocated;
    }

    /**
     * Stores the keys and values of one position: k and v are [kvDim] at their offsets, heads side by
     * side. Half precision rounds to nearest even, as ggml does.
     */
    void store(int layer, int position, float[] k, int kOffset, float[] v, int vOffset) {
        if (type == KvCacheType.F16) {
            short[] keyRows = halfKeys[layer];
            for (int row = 0; row < kvDim; row++) {
                keyRows[row * allocated + position] = Float.floatToFloat16(k[kOffset + row]);
            }
            short[] valueRows = halfValues[layer];
            for (int head = 0; head < kvHeads; head++) {
                int to = (head * allocated + position) * headDim;
                int from = vOffset + head * headDim;
                for (int i = 0; i < headDim; i++) {
                    valueRows[to + i] = Float.floatToFloat16(v[from + i]);
                }
            }
        } else {
            float[] keyRows = keys[layer];
            for (int row = 0; row < kvDim; row++) {
                keyRows[row * allocated + position] = k[kOffset + row];
            }
            for (int head = 0; head < kvHeads; head++) {
                System.arraycopy(v, vOffset + head * headDim, values[layer], (head * allocated + position) * headDim,
                        headDim);
            }
        }
    }

    public KvCacheType type() {
        return type;
    }

    /** How many positions fit. */
    public int capacity() {
        return capacity;
    }

    /**
     * Writes the keys and values of positions [0, positions) as little-endian values of the cache's
     * type: per layer, the keys one KV row at a time (positions innermost), then the values one KV head at a
     * time (position by position). The byte count is {@link #bytesFor}; {@link #read} takes the
     * same layout back.
     */
    void write(int positions, WritableByteChannel out) throws IOException {
        checkPositions(positions);
        ByteBuffer buffer = ByteBuffer.allocate(TRANSFER_VALUES * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int layer = 0; layer < layers; layer++) {
            Object k = type == KvCacheType.F16 ? halfKeys[layer] : keys[layer];
            Object v = type == KvCacheType.F16 ? halfValues[layer] : values[layer];
            for (int row = 0; row < kvDim; row++) {
                transferOut(k, row * allocated, positions, buffer, out);
            }
            for (int head = 0; head < kvHeads; head++) {
                transferOut(v, head * allocated * headDim, positions * headDim, buffer, out);
            }
        }
    }

    /** Reads what {@link #write} wrote for {@code positions} positions into positions [0, positions). */
    void read(int positions, ReadableByteChannel in) throws IOException {
        checkPositions(positions);
        reserve(positions);
        ByteBuffer buffer = ByteBuffer.allocate(TRANSFER_VALUES * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int layer = 0; layer < layers; layer++) {
            Object k = type == KvCacheType.F16 ? halfKeys[layer] : keys[layer];
            Object v = type == KvCacheType.F16 ? halfValues[layer] : values[layer];
            for (int row = 0; row < kvDim; row++) {
                transferIn(in, buffer, k, row * allocated, positions);
            }
            for (int head = 0; head < kvHeads; head++) {
                transferIn(in, buffer, v, head * allocated * headDim, positions * headDim);
            }
        }
    }

    /** Bytes {@link #write} writes for {@code positions} positions of a model. */
    static long bytesFor(ModelConfig config, int positions, KvCacheType type) {
        return (long) positions * config.kvDim() * config.layers() * 2 * type.bytes();
    }

    private void checkPositions(int positions) {
        if (positions < 0 || positions > capacity) {
            throw new IllegalArgumentException(positions + " positions do not fit a cache of " + capacity);
        }
    }

    /** {@code from} is a short[] or a float[]. */
    private static void transferOut(Object from, int offset, int count, ByteBuffer buffer, WritableByteChannel out)
            throws IOException {
        for (int done = 0; done < count; ) {
            int n = Math.min(TRANSFER_VALUES, count - done);
            buffer.clear();
            int bytes;
            if (from instanceof short[] halves) {
                buffer.asShortBuffer().put(halves, offset + done, n);
                bytes = n * Short.BYTES;
            } else {
                buffer.asFloatBuffer().put((float[]) from, offset + done, n);
                bytes = n * Float.BYTES;
            }
            buffer.limit(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            done += n;
        }
    }

    /** {@code to} is a short[] or a float[]. */
    private static void transferIn(ReadableByteChannel in, ByteBuffer buffer, Object to, int offset, int count)
            throws IOException {
        boolean halves = to instanceof short[];
        for (int done = 0; done < count; ) {
            int n = Math.min(TRANSFER_VALUES, count - done);
            buffer.clear().limit(n * (halves ? Short.BYTES : Float.BYTES));
            while (buffer.hasRemaining()) {
                if (in.read(buffer) < 0) {
                    throw new EOFException("the saved KV cache ends early");
                }
            }
            buffer.flip();
            if (halves) {
                buffer.asShortBuffer().get((short[]) to, offset + done, n);
            } else {
                buffer.asFloatBuffer().get((float[]) to, offset + done, n);
            }
            done += n;
        }
    }
}
