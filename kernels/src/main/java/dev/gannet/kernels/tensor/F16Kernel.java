package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * F16: IEEE half-precision floats (1 sign, 5 exponent, 10 mantissa bits).
 *
 * <pre>
 * bytes  field
 * 0..1   value   float16, little-endian
 * </pre>
 *
 * Widening is exact; narrowing rounds to nearest even, as ggml's FP32_TO_FP16 does.
 */
final class F16Kernel implements TensorKernel, VectorDequantizer {
    private static final int BYTES = 2;

    @Override
    public GgmlType type() {
        return GgmlType.F16;
    }

    @Override
    public void dequantize(MemorySegment data, long from, float[] out, int outOffset, int count) {
        long offset = KernelArgs.byteOffset(GgmlType.F16, data, from, count);
        KernelArgs.checkArray("out", out, outOffset, count);
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = LittleEndian.f16(data, offset + (long) i * BYTES);
        }
    }

    @Override
    public float dot(MemorySegment data, long from, float[] x, int xOffset, int count) {
        long offset = KernelArgs.byteOffset(GgmlType.F16, data, from, count);
        KernelArgs.checkArray("x", x, xOffset, count);
        float sum = 0;
        for (int i = 0; i < count; i++) {
            sum += LittleEndian.f16(data, offset + (long) i * BYTES) * x[xOffset + i];
        }
        return sum;
    }

    @Override
    public void quantize(float[] values, int valuesOffset, MemorySegment data, long from, int count) {
        KernelArgs.checkWritable(data);
        long offset = KernelArgs.byteOffset(GgmlType.F16, data, from, count);
        KernelArgs.checkArray("values", values, valuesOffset, count);
        for (int i = 0; i < count; i++) {
            LittleEndian.putF16(data, offset + (long) i * BYTES, values[valuesOffset + i]);
        }
    }

    /** Vector decoding for the tiled multiply; the scalar loop finishes what is not a whole vector. */
    @Override
    public void dequantizeVector(MemorySegment data, long from, float[] out, int outOffset, int count) {
        long offset = KernelArgs.byteOffset(GgmlType.F16, data, from, count);
        KernelArgs.checkArray("out", out, outOffset, count);
        int i = 0;
        for (; i + VectorMath.LANES <= count; i += VectorMath.LANES) {
            VectorMath.halfToFloat(VectorMath.unsignedShorts(data, offset + (long) i * BYTES)).intoArray(out, outOffset + i);
        }
        if (i < count) {
            dequantize(data, from + i, out, outOffset + i, count - i);
        }
    }
}
