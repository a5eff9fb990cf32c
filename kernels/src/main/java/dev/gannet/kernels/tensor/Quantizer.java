package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * Turns float values into the bytes of a tensor type, as a GGUF file stores them: the entry point
 * for writers of model files (the GGUF writer, conversion tools).
 *
 * <p>F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0 and Q5_1 reproduce llama.cpp's reference quantizers
 * ({@code quantize_row_*_ref}) bit for bit. The K-quants use a simpler direct fit than llama.cpp's
 * searches (see {@link KQuantFit}): correct, and close to the input, but not byte-identical.
 */
public final class Quantizer {

    private Quantizer() {
    }

    /**
     * Quantizes {@code values} to {@code type}.
     *
     * @throws IllegalArgumentException       if the number of values is not a multiple of the type's block size,
     *                                        or a value is NaN or infinite and the type is block-quantized
     * @throws UnsupportedTensorTypeException if Gannet has no kernel for {@code type}
     */
    public static byte[] quantize(GgmlType type, float[] values) {
        TensorKernel kernel = TensorKernels.of(type);
        if (values.length % type.blockSize() != 0) {
            throw new IllegalArgumentException(values.length + " values cannot be quantized to " + type
                    + ": the count must be a multiple of its block size " + type.blockSize());
        }
        long size = type.bytesFor(values.length);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(values.length + " values of " + type + " take " + size
                    + " bytes, more than a Java array holds");
        }
        byte[] bytes = new byte[(int) size];
        kernel.quantize(values, 0, MemorySegment.ofArray(bytes), 0, values.length);
        return bytes;
    }
}
