package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/** A block type whose weights {@link Int8Matrix} can hold exactly: 8-bit quants times a float scale per 16. */
interface Int8Repackable {
    /**
     * Writes the weights of the block at byte {@code block} of {@code data} as quants (bytes) into
     * {@code quants[quantsAt ..]} and the scale of each 16 of them into {@code scales[scalesAt ..]},
     * such that weight i = scales[i / 16] · quants[i], exactly as the type's dequantize forms it.
     */
    void repackBlock(MemorySegment data, long block, float[] scales, int scalesAt, byte[] quants, int quantsAt);
}
