package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * F32: plain IEEE single-precision floats.
 *
 * <pre>
 * bytes  field
 * 0..3   value   float32, little-endian
 * </pre>
 */
final class F32Kernel implements TensorKernel, VectorDequantizer {
    private static final int BYTES = 4;

    @Override
    public GgmlType type() {
        return GgmlType.F32;
    }

    @Override
    public void dequantize(MemorySegment data, long from, float[] out, int outOffset, int count) {
        long offset = KernelArgs.byteOffset(GgmlType.F32, data, from, count);
        KernelArgs.checkArray("out", out, outOffset, count);
        MemorySegment.copy(data, LittleEndian.FLOAT, offset, out, outOffset, count);
    }

    @Override
    public float dot(MemorySegment data, long from, float[] x, int xOffset, int count) {
        long offset = KernelArgs.byteOffset(GgmlType.F32, data, from, count);
        KernelArgs.checkArray("x", x, xOffset, count);
        float sum = 0;
        for (int i = 0; i < count; i++) {
            sum += data.get(LittleEndian.FLOAT, offset + (long) i * BYTES) * x[xOffset + i];
        }
        return sum;
    }

    @Override
    public void quantize(float[] values, int valuesOffset, MemorySegment data, long from, int count) {
        KernelArgs.checkWritable(data);
        long offset = KernelArgs.byteOffset(GgmlType.F32, data, from, count);
        KernelArgs.checkArray("values", values, valuesOffset, count);
        MemorySegment.copy(values, valuesOffset, data, LittleEndian.FLOAT, offset, count);
    }

    /** Vector decoding for the tiled multiply; the scalar loop finishes what is not a whole vector. */
    @Override
    public void dequantizeVector(MemorySegment data, long from, float[] out, int outOffset, int count) {
        long offset = KernelArgs.byteOffset(GgmlType.F32, data, from, count);
        KernelArgs.checkArray("out", out, outOffset, count);
        int i = 0;
        for (; i + VectorMath.LANES <= count; i += VectorMath.LANES) {
            jdk.incubator.vector.FloatVector.fromMemorySegment(VectorMath.F, data, offset + (long) i * Float.BYTES,
                    java.nio.ByteOrder.LITTLE_ENDIAN).intoArray(out, outOffset + i);
        }
        if (i < count) {
            dequantize(data, from + i, out, outOffset + i, count - i);
        }
    }
}
