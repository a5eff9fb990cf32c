package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/** The argument checks every kernel shares, so that a bad range fails with one clear message. */
final class KernelArgs {

    private KernelArgs() {
    }

    /**
     * Checks that elements {@code [from, from + count)} are whole blocks lying inside {@code data},
     * and returns the byte offset of element {@code from}.
     */
    static long byteOffset(GgmlType type, MemorySegment data, long from, int count) {
        int blockSize = type.blockSize();
        if (from < 0 || count < 0) {
            throw new IllegalArgumentException("negative range of " + type + " elements: from " + from + ", count " + count);
        }
        if (from % blockSize != 0 || count % blockSize != 0) {
            throw new IllegalArgumentException(type + " data is read and written in whole blocks of " + blockSize
                    + " elements, but from " + from + " and count " + count + " are not both multiples of it");
        }
        long end = type.bytesFor(from + count);
        if (end > data.byteSize()) {
            throw new IndexOutOfBoundsException("elements [" + from + ", " + (from + count) + ") of " + type + " need "
                    + end + " bytes, but the data holds " + data.byteSize());
        }
        return type.bytesFor(from);
    }

    static void checkArray(String name, float[] array, int offset, int count) {
        if (offset < 0 || offset > array.length - count) {
            throw new IndexOutOfBoundsException(name + "[" + offset + ", " + ((long) offset + count)
                    + ") is out of bounds for length " + array.length);
        }
    }

    static void checkWritable(MemorySegment data) {
        if (data.isReadOnly()) {
            throw new IllegalArgumentException("cannot quantize into a read-only segment");
        }
    }

    /** Scales of quantized blocks are computed from the values; one NaN or infinity would spoil its whole block. */
    static void checkFinite(GgmlType type, float[] values, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + values[i] + " at index " + i + " cannot be quantized to " + type);
            }
        }
    }
}
