package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ModelConfig;

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
}
