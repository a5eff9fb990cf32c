package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads and writes the fields of tensor blocks. GGUF data is little-endian whatever the machine,
 * and blocks of 18, 22 or 210 bytes leave their fields unaligned, hence the unaligned layouts.
 */
final class LittleEndian {
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    static int u8(MemorySegment data, long offset) {
        return data.get(ValueLayout.JAVA_BYTE, offset) & 0xFF;
    }

    static int i8(MemorySegment data, long offset) {
        return data.get(ValueLayout.JAVA_BYTE, offset);
    }

    static void putU8(MemorySegment data, long offset, int value) {
        data.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
    }

    /** ORs {@code bits} into the byte at {@code offset}: packed fields are written a few bits at a time. */
    static void orU8(MemorySegment data, long offset, int bits) {
        data.set(ValueLayout.JAVA_BYTE, offset, (byte) (data.get(ValueLayout.JAVA_BYTE, offset) | bits));
    }

    static int i32(MemorySegment data, long offset) {
        return data.get(INT, offset);
    }

    static void putI32(MemorySegment data, long offset, int value) {
        data.set(INT, offset, value);
    }

    /** An IEEE half-precision float, widened exactly. */
    static float f16(MemorySegment data, long offset) {
        return Float.float16ToFloat(data.get(SHORT, offset));
    }

    /** Stores {@code value} as a half-precision float, rounded to nearest even as ggml's FP32_TO_FP16. */
    static void putF16(MemorySegment data, long offset, float value) {
        data.set(SHORT, offset, Float.floatToFloat16(value));
    }

    static void clear(MemorySegment data, long offset, long bytes) {
        data.asSlice(offset, bytes).fill((byte) 0);
    }
}
