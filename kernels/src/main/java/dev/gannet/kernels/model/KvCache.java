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
 * of the weights); half precision halves that, and a loop of {@link Float#float16ToFloat} over an
 * array is compiled into one conversion instruction per vector. Exactly one of the two array sets
 * exists.
 *
 * <p>Attention reads the cache one KV head and one tile of {@link #TILE} positions at a time, and
 * both layouts make such a tile one contiguous run. Keys: per KV head, per tile, transposed
 * ({@code [kvHead][tile][dim][TILE positions]}), so the scores of a tile's positions come from vector
 * FMAs with no horizontal sums. Values: per KV head, position-major ({@code [kvHead][position][dim]}).
 * The arrays grow (doubling, or straight to the capacity once half of it is needed) as positions
 * fill, up to the capacity rounded up to whole tiles, so memory follows the context actually used
 * rather than the largest one allowed.
 */
public final class KvCache {
    /** Positions per tile of the key layout; attention works on tiles of this size. */
    static final int TILE = 64;
    /** Positions allocated at first. */
    private static final int INITIAL_POSITIONS = 256;
    /** Bytes moved per channel call: large enough that the calls cost nothing next to the copying. */
    private static final int TRANSFER_BYTES = 1 << 17;

    final KvCacheType type;
    /** F16 keys, [layer][((kvHead * tiles + tile) * headDim + i) * TILE + position % TILE]; null for F32 */
    final short[][] halfKeys;
    /** F16 values, [layer][(kvHead * allocated + position) * headDim + i]; null for F32 */
    final short[][] halfValues;
    /** F32 keys in the layout of {@link #halfKeys}; null for F16 */
    final float[][] keys;
    /** F32 values in the layout of {@link #halfValues}; null for F16 */
    final float[][] values;
    private final int layers;
    private final int capacity;
    private final int kvDim;
    private final int headDim;
    private final int kvHeads;
    /** Positions each KV head has room for: a multiple of {@link #TILE}. */
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
        if ((long) wholeTiles(capacity) * kvDim > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("context of " + capacity + " positions is too large for one KV array");
        }
        this.allocated = wholeTiles(Math.min(capacity, INITIAL_POSITIONS));
        boolean half = type == KvCacheType.F16;
        halfKeys = half ? new short[layers][allocated * kvDim] : null;
        halfValues = half ? new short[layers][allocated * kvDim] : null;
        keys = half ? null : new float[layers][allocated * kvDim];
        values = half ? null : new float[layers][allocated * kvDim];
    }

    private static int wholeTiles(int positions) {
        return (positions + TILE - 1) / TILE * TILE;
    }

    /** Makes room for positions [0, positions); called before a batch is evaluated. */
    void reserve(int positions) {
        if (positions <= allocated) {
            return;
        }
        int grown = allocated;
        while (grown < positions) {
            grown = wholeTiles((int) Math.min(capacity, 2L * grown));
        }
        // Needing half the capacity or more, take all of it now (still at most twice what is needed,
        // as doubling allows): a later step to the capacity would copy the cache once more and leave
        // the outgrown arrays in the old generation until a full collection (SmolLM2-135M in
        // bench speed, 512 + 128 of 640 positions: 256 -> 512 -> 640 left 17.7 MB, 256 -> 640 5.9 MB).
        if (2L * positions >= capacity) {
            grown = wholeTiles(capacity);
        }
        for (int layer = 0; layer < layers; layer++) {
            if (type == KvCacheType.F16) {
                halfKeys[layer] = regroup(halfKeys[layer], new short[grown * kvDim], grown);
                halfValues[layer] = regroup(halfValues[layer], new short[grown * kvDim], grown);
            } else {
                keys[layer] = regroup(keys[layer], new float[grown * kvDim], grown);
                values[layer] = regroup(values[layer], new float[grown * kvDim], grown);
            }
        }
        allocated = grown;
    }

    /**
     * Copies each KV head's run (all its tiles of keys, or all its positions of values: both are
     * {@code allocated * headDim} elements) to where that head starts at the new size.
     */
    private <A> A regroup(A from, A to, int grown) {
        for (int head = 0; head < kvHeads; head++) {
            System.arraycopy(from, head * allocated * headDim, to, head * grown * headDim, allocated * headDim);
        }
        return to;
    }

    /** Index of the first key of the tile holding {@code position}, for KV head {@code head}. */
    int keyTile(int head, int position) {
        return (head * allocated + position / TILE * TILE) * headDim;
    }

    /** Index of the first value of {@code position}, for KV head {@code head}. */
    int value(int head, int position) {
        return (head * allocated + position) * headDim;
    }

    /**
     * Stores the keys and values of one position: k and v are [kvDim] at their offsets, heads side by
     * side. Half precision rounds to nearest even, as ggml does.
     */
    void store(int layer, int position, float[] k, int kOffset, float[] v, int vOffset) {
        for (int head = 0; head < kvHeads; head++) {
            for (int i = 0; i < headDim; i++) {
                storeKey(layer, position, head, i, k[kOffset + head * headDim + i]);
            }
        }
        storeValues(layer, position, v, vOffset);
    }

    /** Stores element i of KV head {@code head}'s key at one position. */
    void storeKey(int layer, int position, int head, int i, float key) {
        int index = keyTile(head, position) + i * TILE + position % TILE;
        if (type == KvCacheType.F16) {
            halfKeys[layer][index] = Float.floatToFloat16(key);
        } else {
            keys[layer][index] = key;
        }
    }

    /** Stores the values of one position: v is [kvDim] at its offset, heads side by side. */
    void storeValues(int layer, int position, float[] v, int vOffset) {
        for (int head = 0; head < kvHeads; head++) {
            int valueBase = value(head, position);
            int from = vOffset + head * headDim;
            if (type == KvCacheType.F16) {
                short[] valueRows = halfValues[layer];
                for (int i = 0; i < headDim; i++) {
                    valueRows[valueBase + i] = Float.floatToFloat16(v[from + i]);
                }
            } else {
                System.arraycopy(v, from, values[layer], valueBase, headDim);
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

    /** Positions each KV head has room for now (a multiple of {@link #TILE}). */
    int allocated() {
        return allocated;
    }

    /**
     * Writes the keys and values of positions [0, positions) as little-endian values of the cache's
     * type, in the order of {@link #forEachRun}. The layout does not depend on how much room the
     * cache has; the byte count is {@link #bytesFor}, and {@link #read} takes it back.
     */
    void write(int positions, WritableByteChannel out) throws IOException {
        checkPositions(positions);
        Transfer transfer = new Transfer();
        forEachRun(positions, (array, offset, count) -> transfer.put(array, offset, count, out));
        transfer.flush(out);
    }

    /** Reads what {@link #write} wrote for {@code positions} positions into positions [0, positions). */
    void read(int positions, ReadableByteChannel in) throws IOException {
        checkPositions(positions);
        reserve(positions);
        Transfer transfer = new Transfer();
        transfer.expect(bytesFor(positions));
        forEachRun(positions, (array, offset, count) -> transfer.get(in, array, offset, count));
    }

    /** A contiguous run of {@code count} elements of a short[] or float[] array, from {@code offset}. */
    @FunctionalInterface
    private interface Run {
        void accept(Object array, int offset, int count) throws IOException;
    }

    /**
     * The saved layout, shared by {@link #write} and {@link #read}: per layer and KV head, the keys one
     * element of the head at a time (positions innermost, one run per tile), then the values position
     * by position.
     */
    private void forEachRun(int positions, Run run) throws IOException {
        for (int layer = 0; layer < layers; layer++) {
            Object k = type == KvCacheType.F16 ? halfKeys[layer] : keys[layer];
            Object v = type == KvCacheType.F16 ? halfValues[layer] : values[layer];
            for (int head = 0; head < kvHeads; head++) {
                for (int i = 0; i < headDim; i++) {
                    for (int p = 0; p < positions; p += TILE) {
                        run.accept(k, keyTile(head, p) + i * TILE, Math.min(TILE, positions - p));
                    }
                }
                run.accept(v, value(head, 0), positions * headDim);
            }
        }
    }

    private long bytesFor(int positions) {
        return (long) positions * kvDim * layers * 2 * type.bytes();
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

    /**
     * A buffer between the arrays (short[] or float[]) and a channel: runs of any length go in and
     * out, the channel is called once per full buffer. Reading never takes more bytes from the
     * channel than {@link #expect} announced, so whatever follows the cache stays unread.
     */
    private static final class Transfer {
        private final ByteBuffer buffer = ByteBuffer.allocate(TRANSFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        /** Bytes still to be read from the channel. */
        private long unread;

        void expect(long bytes) {
            unread = bytes;
            buffer.limit(0);
        }

        void put(Object from, int offset, int count, WritableByteChannel out) throws IOException {
            int size = from instanceof short[] ? Short.BYTES : Float.BYTES;
            for (int done = 0; done < count; ) {
                if (buffer.remaining() < size) {
                    flush(out);
                }
                int n = Math.min(count - done, buffer.remaining() / size);
                if (from instanceof short[] halves) {
                    buffer.asShortBuffer().put(halves, offset + done, n);
                } else {
                    buffer.asFloatBuffer().put((float[]) from, offset + done, n);
                }
                buffer.position(buffer.position() + n * size);
                done += n;
            }
        }

        void flush(WritableByteChannel out) throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            buffer.clear();
        }

        void get(ReadableByteChannel in, Object to, int offset, int count) throws IOException {
            int size = to instanceof short[] ? Short.BYTES : Float.BYTES;
            for (int done = 0; done < count; ) {
                if (buffer.remaining() < size) {
                    buffer.compact();
                    buffer.limit((int) Math.min(buffer.capacity(), buffer.position() + unread));
                    while (buffer.position() < size) {
                        int n = in.read(buffer);
                        if (n < 0 || unread == 0) {
                            throw new EOFException("the saved KV cache ends early");
                        }
                        unread -= n;
                    }
                    buffer.flip();
                }
                int n = Math.min(count - done, buffer.remaining() / size);
                if (to instanceof short[] halves) {
                    buffer.asShortBuffer().get(halves, offset + done, n);
                } else {
                    buffer.asFloatBuffer().get((float[]) to, offset + done, n);
                }
                buffer.position(buffer.position() + n * size);
                done += n;
            }
        }
    }
}
