package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * BF16: "brain float", the upper half of a float32 (1 sign, 8 exponent, 7 mantissa bits).
 *
 * <pre>
 * bytes  field
 * 0..1   value   the high 16 bits of a float32, little-endian
 * </pre>
 *
 * Widening shifts the bits back up; narrowing rounds to nearest even and keeps NaN a (quiet) NaN,
 * as ggml's fp32-to-bf16 does.
 */
final class BF16Kernel implements TensorKernel, VectorDequantizer {
    private static final int BYTES = 2;

    @Override
    public GgmlType type() {
        return GgmlType.BF16;
    }

    @Override
    public void dequantize(MemorySegment data, long from, float[] out, int outOffset, int count) {
        long offset = KernelArgs.byteOffset(GgmlType.BF16, data, from, count);
        KernelArgs.checkArray("out", out, outOffset, count);
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = toFloat(data.get(LittleEndian.SHORT, offset + (long) i * BYTES));
        }
    }

    @Override
    public float dot(MemorySegment data, long from, float[] x, int xOffset, int count) {
        long offset = KernelArgs.byteOffset(GgmlType.BF16, data, from, count);
        KernelArgs.checkArray("x", x, xOffset, count);
        float sum = 0;
        for (int i = 0; i < count; i++) {
            sum += toFloat(data.get(LittleEndian.SHORT, offset + (long) i * BYTES)) * x[xOffset + i];
        }
        return sum;
    }

    @Override
    public void quantize(float[] values, int valuesOffset, MemorySegment data, long from, int count) {
        KernelArgs.checkWritable(data);
        long offset = KernelArgs.byteOffset(GgmlType.BF16, data, from, count);
        KernelArgs.checkArray("values", values, valuesOffset, count);
        for (int i = 0; i < count; i++) {
            data.set(LittleEndian.SHORT, offset + (long) i * BYTES, fromFloat(values[valuesOffset + i]));
        }
    }

    static float toFloat(short bits) {
        // The sign-extended upper bits of the short are shifted out.
        return Float.intBitsToFloat(bits << 16);
    }

    static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7FFFFFFF) > 0x7F800000) {
            // NaN: truncating could leave only zero mantissa bits (an infinity), so force the quiet bit.
            return (short) ((bits >>> 16) | 0x40);
        }
        // Round to nearest, ties to even: add just under half an ulp, plus one when the kept lsb is odd.
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    /** Vector decoding for the tiled multiply; the scalar loop finishes what is not a whole vector. */
    @Override
    public void dequantizeVector(MemorySegment data, long from, float[] out, int outOffset, int count) {
        long offset = KernelArgs.byteOffset(GgmlType.BF16, data, from, count);
        KernelArgs.checkArray("out", out, outOffset, count);
        int i = 0;
        for (; i + VectorMath.LANES <= count; i += VectorMath.LANES) {
            // bfloat16 is the top half of a float32.
            VectorMath.unsignedShorts(data, offset + (long) i * BYTES).lanewise(jdk.incubator.vector.VectorOperators.LSHL, 16)
                    .reinterpretAsFloats().intoArray(out, outOffset + i);
        }
        if (i < count) {
            dequantize(data, from + i, out, outOffset + i, count - i);
        }
    }
}
