package dev.gannet.kernels.model;

import dev.gannet.kernels.arch.ModelConfig;

/**
 * Keys and values of every position evaluated so far, per layer, in float. Laid out position-major
 * so that attention reads each layer's keys front to back.
 */
public final class KvCache {
    /** [layer][position * kvDim + kvHead * headDim + i] */
    final float[][] keys;
    /** [layer][position * kvDim + kvHead * headDim + i] */
    final float[][] values;
    private final int capacity;

    public KvCache(ModelConfig config, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("context size must be positive, not " + capacity);
        }
        this.capacity = capacity;
        long perLayer = (long) capacity * config.kvDim();
        if (perLayer > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("context of " + capacity + " positions is too large for one KV array");
        }
        keys = new float[config.layers()][(int) perLayer];
        values = new float[config.layers()][(int) perLayer];
    }

    /** How many positions fit. */
    public int capacity() {
        return capacity;
    }
}
