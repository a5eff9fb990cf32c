package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ModelConfig;

/**
 * Keys and values of every position evaluated so far, per layer, in float. Laid out position-major
 * so that attention reads each layer's keys front to back. The arrays grow (doubling) as positions
 * fill, up to the capacity, so memory follows the context actually used rather than the largest
 * one allowed.
 */
public final class KvCache {
    /** Positions allocated at first. */
    private static final int INITIAL_POSITIONS = 256;

    /** [layer][position * kvDim + kvHead * headDim + i] */
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
            keys[layer] = java.util.Arrays.copyOf(keys[layer], grown * kvDim);
            values[layer] = java.util.Arrays.copyOf(values[layer], grown * kvDim);
        }
        allocated = grown;
    }

    /** How many positions fit. */
    public int capacity() {
        return capacity;
    }
}
