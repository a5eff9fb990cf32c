package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ModelConfig;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Keys and values of every position evaluated so far, per layer, in float. Keys are stored
 * transposed, position innermost ({@code [kvHead][dim][position]}), so attention computes the
 * scores of many positions at once with vector FMAs and no horizontal sums; values are stored
 * position-major, read one position at a time for the weighted sum. The arrays grow (doubling) as positions
 * fill, up to the capacity, so memory follows the context actually used rather than the largest
 * one allowed.
 */
public final class KvCache {
    /** Positions allocated at first. */
    private static final int INITIAL_POSITIONS = 256;
    /** Floats moved per channel call: large enough that the calls cost nothing next to the copying. */
    private static final int TRANSFER_FLOATS = 16_384;

    /** [layer][(kvHead * headDim + i) * allocated + position] */
    final float[][] keys;
    /** [layer][position * kvDim + kvHead * headDim + i] */
    final float[][] values;
    private final int capacity;
    private final int kvDim;
    private int allocated;

    public KvCache(ModelConfig config, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("context size must be positive, not " + capacity);
        }
        this.capacity = capacity;
        this.kvDim = config.kvDim();
        if ((long) capacity * kvDim > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("context of " + capacity + " positions is too large for one KV array");
        }
        this.allocated = Math.min(capacity, INITIAL_POSITIONS);
        keys = new float[config.layers()][allocated * kvDim];
        values = new float[config.layers()][allocated * kvDim];
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
        for (int layer = 0; layer < keys.length; layer++) {
            float[] wider = new float[grown * kvDim];
            for (int row = 0; row < kvDim; row++) {
                System.arraycopy(keys[layer], row * allocated, wider, row * grown, allocated);
            }
            keys[layer] = wider;
            values[layer] = java.util.Arrays.copyOf(values[layer], grown * kvDim);
        }
        allocated = grown;
    }

    /** Positions each key row holds: the stride of the transposed key layout. */
    int allocated() {
        return allocated;
    }

    /** Stores the keys and values of one position: k and v are [kvDim] at their offsets. */
    void store(int layer, int position, float[] k, int kOffset, float[] v, int vOffset) {
        float[] keyRows = keys[layer];
        for (int row = 0; row < kvDim; row++) {
            keyRows[row * allocated + position] = k[kOffset + row];
        }
        System.arraycopy(v, vOffset, values[layer], position * kvDim, kvDim);
    }

    /** How many positions fit. */
    public int capacity() {
        return capacity;
    }

    /**
     * Writes the keys and values of positions [0, positions) as little-endian floats: per layer, the
     * keys one KV row at a time (positions innermost), then the values position by position. The
     * byte count is {@link #bytesFor}; {@link #read} takes the same layout back.
     */
    void write(int positions, WritableByteChannel out) throws IOException {
        checkPositions(positions);
        ByteBuffer buffer = ByteBuffer.allocate(TRANSFER_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int layer = 0; layer < keys.length; layer++) {
            for (int row = 0; row < kvDim; row++) {
                transferOut(keys[layer], row * allocated, positions, buffer, out);
            }
            transferOut(values[layer], 0, positions * kvDim, buffer, out);
        }
    }

    /** Reads what {@link #write} wrote for {@code positions} positions into positions [0, positions). */
    void read(int positions, ReadableByteChannel in) throws IOException {
        checkPositions(positions);
        reserve(positions);
        ByteBuffer buffer = ByteBuffer.allocate(TRANSFER_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int layer = 0; layer < keys.length; layer++) {
            for (int row = 0; row < kvDim; row++) {
                transferIn(in, buffer, keys[layer], row * allocated, positions);
            }
            transferIn(in, buffer, values[layer], 0, positions * kvDim);
        }
    }

    /** Bytes {@link #write} writes for {@code positions} positions of a model. */
    static long bytesFor(ModelConfig config, int positions) {
        return (long) positions * config.kvDim() * config.layers() * 2 * Float.BYTES;
    }

    private void checkPositions(int positions) {
        if (positions < 0 || positions > capacity) {
            throw new IllegalArgumentException(positions + " positions do not fit a cache of " + capacity);
        }
    }

    private static void transferOut(float[] from, int offset, int count, ByteBuffer buffer, WritableByteChannel out)
            throws IOException {
        for (int done = 0; done < count; ) {
            int n = Math.min(TRANSFER_FLOATS, count - done);
            buffer.clear();
            buffer.asFloatBuffer().put(from, offset + done, n);
            buffer.limit(n * Float.BYTES);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            done += n;
        }
    }

    private static void transferIn(ReadableByteChannel in, ByteBuffer buffer, float[] to, int offset, int count)
            throws IOException {
        for (int done = 0; done < count; ) {
            int n = Math.min(TRANSFER_FLOATS, count - done);
            buffer.clear().limit(n * Float.BYTES);
            while (buffer.hasRemaining()) {
                if (in.read(buffer) < 0) {
                    throw new EOFException("the saved KV cache ends early");
                }
            }
            buffer.flip();
            buffer.asFloatBuffer().get(to, offset + done, n);
            done += n;
        }
    }
}
