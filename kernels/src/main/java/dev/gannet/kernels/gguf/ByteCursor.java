package dev.gannet.kernels.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads little-endian values from a segment, checking every read against the segment's end so that
 * a truncated or lying file becomes a {@link GgufFormatException}, never an out-of-bounds access.
 */
final class ByteCursor {
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment segment;
    private final String source;
    private long position;
    /** What is being read, for error messages ("tensor info 12", "metadata key 'x'"). */
    private String context = "header";

    ByteCursor(MemorySegment segment, String source) {
        this.segment = segment;
        this.source = source;
    }

    long position() {
        return position;
    }

    long remaining() {
        return segment.byteSize() - position;
    }

    void context(String context) {
        this.context = context;
    }

    GgufFormatException error(String problem) {
        return new GgufFormatException(source, problem + " (in " + context + ", at byte " + position + ")");
    }

    private void need(long bytes) {
        if (bytes < 0 || bytes > remaining()) {
            throw new GgufFormatException(source, "file is truncated: " + context + " needs " + bytes
                    + " bytes at byte " + position + " but the file has " + remaining() + " left");
        }
    }

    int u8() {
        need(1);
        return Byte.toUnsignedInt(segment.get(ValueLayout.JAVA_BYTE, position++));
    }

    int i8() {
        need(1);
        return segment.get(ValueLayout.JAVA_BYTE, position++);
    }

    int u16() {
        return Short.toUnsignedInt(i16raw());
    }

    int i16() {
        return i16raw();
    }

    private short i16raw() {
        need(2);
        short v = segment.get(U16, position);
        position += 2;
        return v;
    }

    int i32() {
        need(4);
        int v = segment.get(I32, position);
        position += 4;
        return v;
    }

    long u32() {
        return Integer.toUnsignedLong(i32());
    }

    long i64() {
        need(8);
        long v = segment.get(I64, position);
        position += 8;
        return v;
    }

    /** A uint64 that is a count or size: rejected when it does not fit a signed long. */
    long u64Size(String what) {
        long v = i64();
        if (v < 0) {
            throw error(what + " is absurd (" + Long.toUnsignedString(v) + ")");
        }
        return v;
    }

    float f32() {
        need(4);
        float v = segment.get(F32, position);
        position += 4;
        return v;
    }

    double f64() {
        need(8);
        double v = segment.get(F64, position);
        position += 8;
        return v;
    }

    boolean bool() {
        int v = u8();
        if (v > 1) {
            throw error("boolean value is " + v + ", not 0 or 1");
        }
        return v == 1;
    }

    /** A GGUF string: uint64 byte length then UTF-8 bytes, the length checked before any allocation. */
    String string() {
        long length = u64Size("string length");
        need(length);
        if (length > Integer.MAX_VALUE - 16) {
            throw error("string of " + length + " bytes is too long");
        }
        byte[] bytes = new byte[(int) length];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, position, bytes, 0, (int) length);
        position += length;
        // Invalid UTF-8 (some vocabularies hold such pieces) decodes with U+FFFD rather than failing.
        return new String(bytes, StandardCharsets.UTF_8);
    }

    void skipTo(long newPosition) {
        if (newPosition < position || newPosition > segment.byteSize()) {
            throw error("cannot move to byte " + newPosition);
        }
        position = newPosition;
    }
}
