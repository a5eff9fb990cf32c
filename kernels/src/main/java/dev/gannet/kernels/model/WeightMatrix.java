package dev.gannet.kernels.model;

import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.tensor.TensorKernel;
import dev.gannet.kernels.tensor.TensorKernels;
import java.lang.foreign.MemorySegment;

/**
 * A weight matrix [rows][cols] read in place from the mapped file, in whatever tensor type it is
 * stored. It may be a band of rows of a larger tensor: fused projections (Phi-3's {@code attn_qkv})
 * are split into views rather than copied.
 */
public final class WeightMatrix {
    private final String name;
    private final TensorKernel kernel;
    private final MemorySegment data;
    private final long firstElement;
    private final int rows;
    private final int cols;

    private WeightMatrix(String name, TensorKernel kernel, MemorySegment data, long firstElement, int rows, int cols) {
        this.name = name;
        this.kernel = kernel;
        this.data = data;
        this.firstElement = firstElement;
        this.rows = rows;
        this.cols = cols;
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
     * out[t][r] = W[r] · x[t] for t in [0, batch): matrix × matrix over a batch of activations, each
     * weight row read once for the whole batch (the point of batched prefill). Rows are split
     * among the team.
     *
     * @param x    [batch][xStride], each row's first {@code cols} entries used
     * @param out  [batch][outStride], entries [outOffset, outOffset + rows) written
     */
    public void multiply(ThreadTeam team, float[] x, int xStride, int batch, float[] out, int outStride, int outOffset) {
        team.parallelFor(rows, (long) cols * batch, (member, from, to) -> {
            for (int r = from; r < to; r++) {
                long rowStart = firstElement + (long) r * cols;
                for (int t = 0; t < batch; t++) {
                    out[t * outStride + outOffset + r] = kernel.dot(data, rowStart, x, t * xStride, cols);
                }
            }
        });
    }

    @Override
    public String toString() {
        return name + " " + kernel.type() + " [" + rows + "][" + cols + "]";
    }
}
