package dev.gannet.kernels.gguf;

import java.util.List;

/**
 * A metadata array: its element type and its values, held in the tightest Java form —
 * {@code int[]} for 8/16-bit integers and int32, {@code long[]} for uint32 (kept unsigned)
 * and 64-bit integers, {@code float[]}, {@code double[]}, {@code boolean[]}, {@code String[]}, or a
 * {@code List<GgufArray>} for arrays of arrays.
 */
public record GgufArray(GgufValueType elementType, Object values) {

    public int length() {
        return switch (values) {
            case int[] a -> a.length;
            case long[] a -> a.length;
            case float[] a -> a.length;
            case double[] a -> a.length;
            case boolean[] a -> a.length;
            case String[] a -> a.length;
            case List<?> a -> a.size();
            default -> throw new IllegalStateException("unexpected array storage " + values.getClass());
        };
    }

    @Override
    public String toString() {
        return "array<" + elementType.name().toLowerCase() + ">[" + length() + "]";
    }
}
