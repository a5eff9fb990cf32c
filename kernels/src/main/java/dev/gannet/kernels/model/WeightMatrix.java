package dev.gannet.kernels.model;

import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.kernels.tensor.ActivationBatch;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.tensor.Int8Matrix;
import dev.gannet.kernels.tensor.TensorKernel;
import dev.gannet.kernels.tensor.TensorKernels;
import java.lang.foreign.MemorySegment;

/**
 * A weight matrix [rows][cols] read in place from the mapped file, in whatever tensor type it is
 * stored. It may be a band of rows of a larger tensor: fused projections (Phi-3's {@code attn_qkv})
 * are split into views rather than copied.
 *
 * <p>The types {@link Int8Matrix#PROPERTY} names (none by default) are repacked at load into
 * {@link Int8Matrix} and multiplied from the copy; the file's bytes stay the reference
 * ({@link #dotRow}, {@link #bytes}).
 */
public final class WeightMatrix {
    private final String name;
    private final TensorKernel kernel;
    private final MemorySegment data;
    private final long firstElement;
    private final int rows;
    private final int cols;
    /** The weights in a faster layout made at load, which the multiplies use; null when the file's is used. */
    private final Int8Matrix repacked;

    private WeightMatrix(String name, TensorKernel kernel, MemorySegment data, long firstElement, int rows, int cols) {
        this.name = name;
        this.kernel = kernel;
        this.data = data;
        this.firstElement = firstElement;
        this.rows = rows;
        this.cols = cols;
        this.repacked = Int8Matrix.repacks(kernel.type())
                ? Int8Matrix.repack(kernel.type(), data, firstElement, rows, cols) : null;
    }

    /** A matrix over bytes that are not a file's tensor: the warm-up's synthetic weights. */
    static WeightMatrix of(String name, GgmlType type, MemorySegment data, int rows, int cols) {
        return new WeightMatrix(name, TensorKernels.of(type), data, 0, rows, cols);
    }

    /** The whole tensor as a matrix; the caller has checked its shape. */
    public static WeightMatrix of(GgufTensorInfo tensor) {
        return rowsOf(tensor, 0, (int) tensor.rowCount());
    }

    /** Rows [firstRow, firstRow + rowCount) of a tensor. */
    public static WeightMatrix rowsOf(GgufTensorInfo tensor, int firstRow, int rowCount) {
        int cols = (int) tensor.rowLength();
        if (firstRow < 0 || rowCount <= 0 || firstRow + (long) rowCount > tensor.rowCount()) {
            throw new IllegalArgumentException(tensor.name() + ": rows " + firstRow + "+" + rowCount
                    + " outside " + tensor.rowCount());
        }
        String name = firstRow == 0 && rowCount == tensor.rowCount()
                ? tensor.name() : tensor.name() + "[" + firstRow + ":" + (firstRow + rowCount) + "]";
        return new WeightMatrix(name, TensorKernels.of(tensor.type()), tensor.data(),
                (long) firstRow * cols, rowCount, cols);
    }

    public String name() {
        return name;
    }

    public GgmlType type() {
        return kernel.type();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Row {@code row} · x[xOffset, xOffset + cols). */
    public float dotRow(int row, float[] x, int xOffset) {
        return kernel.dot(data, firstElement + (long) row * cols, x, xOffset, cols);
    }

    /** Dequantizes one row into out[outOffset, outOffset + cols). */
    public void dequantizeRow(int row, float[] out, int outOffset) {
        kernel.dequantize(data, firstElement + (long) row * cols, out, outOffset, cols);
    }

    /**
     * out[t][r] = W[r] · x[t] for rows [rowFrom, rowTo) and t in [0, batch), on the calling thread:
     * the vectorized kernel of the matrix's type, each weight decoded once for the whole batch.
     *
     * @param x       [batch][xStride], each row's first {@code cols} entries used
     * @param out     [batch][outStride], entries [outOffset + rowFrom, outOffset + rowTo) written
     * @param scratch the calling thread's own buffer of {@link TensorKernel#SCRATCH_FLOATS} floats
     */
    public void multiplyRows(int rowFrom, int rowTo, float[] x, int xStride, int batch, float[] out, int outStride,
                             int outOffset, float[] scratch) {
        if (repacked != null) {
            repacked.multiply(rowFrom, rowTo, x, xStride, batch, out, outStride, outOffset, scratch);
            return;
        }
        kernel.multiply(data, firstElement, cols, rowFrom, rowTo, x, xStride, batch, out, outStride, outOffset, scratch);
    }

    /**
     * {@link #multiplyRows} for a packed batch (prefill): the register-tiled kernel, four rows by
     * four tokens; {@code x} must hold rows of {@link #cols} columns.
     */
    public void multiplyRows(int rowFrom, int rowTo, ActivationBatch x, float[] out, int outStride, int outOffset,
                             float[] scratch) {
        if (repacked != null) {
            repacked.multiply(rowFrom, rowTo, x, out, outStride, outOffset, scratch);
            return;
        }
        kernel.multiply(data, firstElement, cols, rowFrom, rowTo, x, out, outStride, outOffset, scratch);
    }

    /**
     * out[t][r] = W[r] · x[t] for every row, split among the team. A convenience for tools and
     * benchmarks; the forward pass uses its long-lived {@link Projection} instead, which allocates
     * nothing per call.
     */
    public void multiply(ThreadTeam team, float[] x, int xStride, int batch, float[] out, int outStride, int outOffset) {
        Projection projection = new Projection(team.size());
        projection.run(team, x, xStride, batch, this, out, outStride, outOffset);
    }

    /** The matrix's bytes in their GGUF block layout, rows [0, rows) — what a GPU backend uploads. */
    public MemorySegment bytes() {
        GgmlType type = kernel.type();
        long offset = firstElement / type.blockSize() * type.blockBytes();
        long length = (long) rows * cols / type.blockSize() * type.blockBytes();
        return data.asSlice(offset, length);
    }

    @Override
    public String toString() {
        return name + " " + kernel.type() + " [" + rows + "][" + cols + "]";
    }
}
