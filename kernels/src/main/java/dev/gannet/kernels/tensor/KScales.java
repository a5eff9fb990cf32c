package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.LittleEndian.orU8;
import static dev.gannet.kernels.tensor.LittleEndian.putU8;
import static dev.gannet.kernels.tensor.LittleEndian.u8;

import java.lang.foreign.MemorySegment;

/**
 * The 12-byte field of Q4_K and Q5_K that packs eight 6-bit scales and eight 6-bit mins, one pair
 * per 32-weight sub-block j.
 *
 * <pre>
 * byte     bits 0..5          bits 6..7
 * 0..3     scale[j]           scale[j + 4] bits 4..5
 * 4..7     min[j]             min[j + 4] bits 4..5
 * 8..11    bits 0..3: scale[j + 4] bits 0..3, bits 4..7: min[j + 4] bits 0..3
 * </pre>
 */
final class KScales {
    static final int BYTES = 12;

    private KScales() {
    }

    static int scale(MemorySegment data, long field, int j) {
        if (j < 4) {
            return u8(data, field + j) & 63;
        }
        return (u8(data, field + j + 4) & 0xF) | (u8(data, field + j - 4) >> 6) << 4;
    }

    static int min(MemorySegment data, long field, int j) {
        if (j < 4) {
            return u8(data, field + j + 4) & 63;
        }
        return (u8(data, field + j + 4) >> 4) | (u8(data, field + j) >> 6) << 4;
    }

    /** Writes all twelve bytes from eight scales and eight mins, each in 0..63. */
    static void pack(MemorySegment data, long field, int[] scales, int[] mins) {
        for (int j = 0; j < 4; j++) {
            putU8(data, field + j, scales[j]);
            putU8(data, field + j + 4, mins[j]);
        }
        for (int j = 4; j < 8; j++) {
            putU8(data, field + j + 4, (scales[j] & 0xF) | (mins[j] & 0xF) << 4);
            orU8(data, field + j - 4, (scales[j] >> 4) << 6);
            orU8(data, field + j, (mins[j] >> 4) << 6);
        }
    }
}
