package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * The scalar reference kernels of one tensor element type, working on the raw little-endian bytes
 * of a tensor (as a GGUF file stores them) in a {@link MemorySegment}.
 *
 * <p>Positions are element indices into the tensor's data taken as one flat run (ggml stores rows
 * one after another), so a range may span rows. {@code from} and {@code count} must be multiples of
 * {@link GgmlType#blockSize()}: a quantized block can only be read or written whole.
 *
 * <p>Dot products take float activations and do exact float math on the dequantized weights: each
 * weight is formed exactly as {@link #dequantize} forms it and then multiplied by its activation,
 * summed in float within a block and the block sums added in float. That is the chosen approach for
 * now: it is the simplest correct oracle. llama.cpp instead quantizes the activations to Q8_0/Q8_K
 * and multiplies integers; a later issue adds that as a faster path, and Vector API versions, both
 * tested against these.
 *
 * <p>{@link #multiply} is the engine's fast path (Vector API); the methods above it are the scalar
 * reference it is tested against.
 *
 * <p>Implementations are stateless and safe to share between threads.
 */
public interface TensorKernel extends WeightDecoder {
    /** Floats of per-thread scratch {@link #multiply} may use: four decoded chunks of rows, a multiple of 256. */
    int SCRATCH_FLOATS = TiledMultiply.ROWS * TiledMultiply.CHUNK;

    GgmlType type();

    /**
     * Dequantizes {@code count} elements starting at element {@code from} of {@code data} into
     * {@code out[outOffset .. outOffset + count)}.
     *
     * @throws IllegalArgumentException  if {@code from} or {@code count} is negative or not a multiple of the block size
     * @throws IndexOutOfBoundsException if the range lies past the end of {@code data} or of {@code out}
     */
    void dequantize(MemorySegment data, long from, float[] out, int outOffset, int count);

    /**
     * Dot product of the {@code count} elements starting at element {@code from} of {@code data}
     * with {@code x[xOffset .. xOffset + count)}. Same argument checks as {@link #dequantize}.
     */
    float dot(MemorySegment data, long from, float[] x, int xOffset, int count);

    /**
     * Quantizes {@code values[valuesOffset .. valuesOffset + count)} into elements
     * {@code [from, from + count)} of the writable {@code data}. Same argument checks as
     * {@link #dequantize}; block-quantized types also refuse NaN and infinite values, which they
     * cannot represent.
     */
    void quantize(float[] values, int valuesOffset, MemorySegment data, long from, int count);

    /**
     * What the tiled multiplies decode with: the type's vector decoder where it has one and the
     * vector kernels run on this machine, else {@link #dequantize}.
     */
    @Override
    default void decodeWeights(MemorySegment data, long from, float[] out, int outOffset, int count) {
        if (this instanceof VectorDequantizer fast && VectorMath.FUSED) {
            fast.dequantizeVector(data, from, out, outOffset, count);
        } else {
            dequantize(data, from, out, outOffset, count);
        }
    }

    /**
     * The fast path: for rows {@code [rowFrom, rowTo)} of the matrix of {@code cols} columns whose
     * first element is element {@code matrixStart} of {@code data}, and for each of {@code tokens}
     * activation rows {@code x_t = x[t * xStride ..]}, writes
     * {@code out[t * outStride + outOffset + row] = row · x_t}. Vectorized; equal to {@link #dot}
     * up to the order of float additions. {@code scratch} is the calling thread's own buffer of at
     * least {@link #SCRATCH_FLOATS} floats.
     */
    default void multiply(MemorySegment data, long matrixStart, int cols, int rowFrom, int rowTo,
                          float[] x, int xStride, int tokens, float[] out, int outStride, int outOffset,
                          float[] scratch) {
        ChunkedMultiply.multiply(this, data, matrixStart, cols, rowFrom, rowTo, x, xStride, tokens, out,
                outStride, outOffset, scratch);
    }

    /**
     * The prefill path: as the other {@link #multiply}, for the tokens of a packed batch, whose
     * columns must number {@code cols}; register-tiled four rows by four tokens.
     */
    default void multiply(MemorySegment data, long matrixStart, int cols, int rowFrom, int rowTo,
                          ActivationBatch x, float[] out, int outStride, int outOffset, float[] scratch) {
        TiledMultiply.multiply(this, data, matrixStart, cols, rowFrom, rowTo, x, out, outStride, outOffset, scratch);
    }
}
