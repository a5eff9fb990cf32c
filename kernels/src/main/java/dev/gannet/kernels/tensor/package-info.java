/**
 * Tensor element types and their kernels: one class per ggml type (F32, F16, BF16, Q8_0, Q4_0,
 * Q4_1, Q5_0, Q5_1, Q2_K .. Q6_K), each holding its block layout, its dequantization, its dot
 * product with float activations and its quantizer, on the raw bytes of a {@code MemorySegment}.
 * {@link dev.gannet.kernels.tensor.TensorKernels#of} finds the kernel of a type;
 * {@link dev.gannet.kernels.tensor.Quantizer} writes tensors for model files.
 *
 * <p>These are the scalar reference kernels, the oracle for faster paths (Vector API, activations
 * quantized to 8 bits, GPU).
 */
package dev.gannet.kernels.tensor;
