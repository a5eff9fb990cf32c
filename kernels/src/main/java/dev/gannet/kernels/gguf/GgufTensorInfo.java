package dev.gannet.kernels.gguf;

import dev.gannet.kernels.tensor.GgmlType;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * One tensor of a GGUF file: name, element type, shape (ggml order: {@code shape[0]} is the
 * contiguous row length), where its data starts relative to the data section, and the data itself
 * as a read-only slice of the mapped file.
 *
 * @param shape     ggml dimensions, innermost first: a weight matrix [rows][cols] is {@code {cols, rows}}
 * @param offset    byte offset of the data from the start of the data section
 * @param byteSize  bytes of data, checked to lie inside the file
 * @param data      the data, a slice of the file's mapping (valid while the file is open)
 */
public record GgufTensorInfo(String name, GgmlType type, long[] shape, long offset, long byteSize, MemorySegment data) {

    public GgufTensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements (checked not to overflow when the file was read). */
    public long elementCount() {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        return count;
    }

    public int dimensions() {
        return shape.length;
    }

    /** Size of dimension {@code i} (innermost first), 1 past the tensor's own dimensions. */
    public long dim(int i) {
        return i < shape.length ? shape[i] : 1;
    }

    /** Elements in one contiguous row ({@code shape[0]}). */
    public long rowLength() {
        return shape[0];
    }

    /** Number of rows: every dimension but the first, multiplied. */
    public long rowCount() {
        return elementCount() / Math.max(1, shape[0]);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GgufTensorInfo t && t.name.equals(name) && t.type == type
                && Arrays.equals(t.shape, shape) && t.offset == offset;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
