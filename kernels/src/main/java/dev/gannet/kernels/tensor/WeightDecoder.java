package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * Decodes a run of a matrix's weights to floats, as fast as its layout allows: all the tiled
 * multiplies ({@link ChunkedMultiply}, {@link TiledMultiply}) need from a layout.
 */
interface WeightDecoder {
    /**
     * Writes the {@code count} weights starting at element {@code from} of {@code data} to
     * {@code out[outOffset ..]}; {@code from} and {@code count} are multiples of the layout's block.
     */
    void decodeWeights(MemorySegment data, long from, float[] out, int outOffset, int count);
}
