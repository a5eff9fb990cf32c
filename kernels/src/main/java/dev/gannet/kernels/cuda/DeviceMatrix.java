package dev.gannet.kernels.cuda;

import dev.gannet.kernels.model.WeightMatrix;
import dev.gannet.kernels.tensor.GgmlType;
import java.lang.foreign.MemorySegment;

/** A weight matrix uploaded once in its GGUF block layout: [rows][cols] of {@code type} at {@code pointer}. */
record DeviceMatrix(String name, GgmlType type, long pointer, int rows, int cols) {
    /** Checks the type has a GPU kernel and the row length suits it, then copies the bytes up. */
    static DeviceMatrix upload(CudaDriver driver, WeightMatrix matrix) {
        GgmlType type = matrix.type();
        int multiple = switch (type) {
            case Q8_0, Q4_0 -> 32;
            case Q4_K, Q6_K -> 256;
            case F16 -> 2;
            default -> throw new UnsupportedOperationException(matrix.name() + ": the CUDA backend has no kernel for "
                    + type + " (it has Q8_0, Q4_0, Q4_K, Q6_K, F16)");
        };
        if (matrix.cols() % Math.max(multiple, 32) != 0) {
            throw new UnsupportedOperationException(matrix.name() + ": rows of " + matrix.cols()
                    + " are not a multiple of " + Math.max(multiple, 32) + ", which the CUDA kernels need");
        }
        MemorySegment bytes = matrix.bytes();
        long pointer = driver.allocate(bytes.byteSize());
        driver.copyToDevice(pointer, bytes, bytes.byteSize());
        return new DeviceMatrix(matrix.name(), type, pointer, matrix.rows(), matrix.cols());
    }

    /** True for the types whose kernels take 8-bit-quantized activations (all but F16). */
    boolean quantizedInput() {
        return type != GgmlType.F16;
    }

    CudaKernel matvec() {
        return switch (type) {
            case Q8_0 -> CudaKernel.MATVEC_Q8_0;
            case Q4_0 -> CudaKernel.MATVEC_Q4_0;
            case Q4_K -> CudaKernel.MATVEC_Q4_K;
            case Q6_K -> CudaKernel.MATVEC_Q6_K;
            case F16 -> CudaKernel.MATVEC_F16;
            default -> throw new IllegalStateException(name + ": " + type);
        };
    }
}
