package dev.gannet.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TensorKernelsTest {

    @Test
    void supportsExactlyTheComputeTypes() {
        Set<GgmlType> compute = EnumSet.noneOf(GgmlType.class);
        for (GgmlType type : GgmlType.values()) {
            if (type.supportsCompute()) {
                compute.add(type);
            }
        }
        assertEquals(EnumSet.of(GgmlType.F32, GgmlType.F16, GgmlType.BF16, GgmlType.Q8_0, GgmlType.Q4_0,
                GgmlType.Q4_1, GgmlType.Q5_0, GgmlType.Q5_1, GgmlType.Q2_K, GgmlType.Q3_K, GgmlType.Q4_K,
                GgmlType.Q5_K, GgmlType.Q6_K), compute);
        assertEquals(compute, TensorKernels.supported());
    }

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void answersEachTypeWithItsKernelOrAClearRefusal(GgmlType type) {
        if (type.supportsCompute()) {
            TensorKernel kernel = TensorKernels.of(type);
            assertEquals(type, kernel.type());
            assertSame(kernel, TensorKernels.of(type));
        } else {
            UnsupportedTensorTypeException e = assertThrows(UnsupportedTensorTypeException.class, () -> TensorKernels.of(type));
            assertEquals(type, e.type());
            assertTrue(e.getMessage().startsWith("no kernel for tensor type " + type + " (ggml id " + type.id() + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("Q4_K"), e.getMessage());
        }
    }

    @Test
    void refusesRangesThatAreNotWholeBlocks() {
        TensorKernel kernel = TensorKernels.of(GgmlType.Q4_0);
        MemorySegment data = MemorySegment.ofArray(new byte[4 * 18]);
        float[] out = new float[128];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernel.dequantize(data, 16, out, 0, 32));
        assertTrue(e.getMessage().contains("whole blocks of 32"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> kernel.dot(data, 32, out, 0, 48));
        assertThrows(IllegalArgumentException.class, () -> kernel.dot(data, -32, out, 0, 32));
    }

    @Test
    void refusesRangesPastTheData() {
        TensorKernel kernel = TensorKernels.of(GgmlType.Q6_K);
        MemorySegment data = MemorySegment.ofArray(new byte[2 * 210]);
        float[] out = new float[1024];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> kernel.dequantize(data, 256, out, 0, 512));
        assertTrue(e.getMessage().contains("need 630 bytes, but the data holds 420"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> kernel.dot(data, 0, new float[300], 100, 256));
        assertThrows(IndexOutOfBoundsException.class, () -> TensorKernels.of(GgmlType.F32).dot(data, 100, out, 0, 6));
    }

    @Test
    void refusesToQuantizeIntoReadOnlyData() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(34).asReadOnly();
            assertThrows(IllegalArgumentException.class,
                    () -> TensorKernels.of(GgmlType.Q8_0).quantize(new float[32], 0, data, 0, 32));
        }
    }

    /** Quantizing into the middle of a tensor writes those blocks and leaves their neighbours alone. */
    @Test
    void quantizesIntoARangeOfATensor() {
        TensorKernel kernel = TensorKernels.of(GgmlType.Q5_K);
        byte[] bytes = new byte[3 * 176];
        Arrays.fill(bytes, (byte) 0x5A);
        float[] values = new float[256];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i);
        }
        kernel.quantize(values, 0, MemorySegment.ofArray(bytes), 256, 256);
        for (int i = 0; i < 176; i++) {
            assertEquals((byte) 0x5A, bytes[i]);
            assertEquals((byte) 0x5A, bytes[2 * 176 + i]);
        }
        float[] back = new float[256];
        kernel.dequantize(MemorySegment.ofArray(bytes), 256, back, 0, 256);
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], back[i], 0.04);
        }
    }
}
