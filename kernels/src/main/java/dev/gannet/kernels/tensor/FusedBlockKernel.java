package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * A block kernel whose {@link #multiply} decodes weights in vector registers and multiplies them
 * with one token ({@link #dotRow}) or four at once ({@link #dotRow4}: the decoding is shared by the
 * four, which is what makes batched prefill cheaper per token than decode).
 */
abstract class FusedBlockKernel extends BlockKernel {
    private final GgmlType type;

    FusedBlockKernel(GgmlType type) {
        super(type);
        this.type = type;
    }

    @Override
    public final void multiply(MemorySegment data, long matrixStart, int cols, int rowFrom, int rowTo,
                               float[] x, int xStride, int tokens, float[] out, int outStride, int outOffset,
                               float[] scratch) {
        if (!VectorMath.FUSED) {
            ChunkedMultiply.multiply(this, data, matrixStart, cols, rowFrom, rowTo, x, xStride, tokens, out,
                    outStride, outOffset, scratch);
            return;
        }
        VectorMath.checkMultiply(cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset);
        long rowBytes = checkRows(data, matrixStart, cols, rowFrom, rowTo);
        long matrixByte = matrixStart / type.blockSize() * type.blockBytes();
        for (int r = rowFrom; r < rowTo; r++) {
            long row = matrixByte + r * rowBytes;
            int t = 0;
            for (; t + 4 <= tokens; t += 4) {
                dotRow4(data, row, cols, x, t * xStride, xStride, out, t * outStride + outOffset + r, outStride);
            }
            for (; t < tokens; t++) {
                out[t * outStride + outOffset + r] = dotRow(data, row, cols, x, t * xStride);
            }
        }
    }

    /** Checks the rows lie in the data and returns the bytes of one row. */
    private long checkRows(MemorySegment data, long matrixStart, int cols, int rowFrom, int rowTo) {
        int block = type.blockSize();
        if (matrixStart < 0 || matrixStart % block != 0 || cols % block != 0) {
            throw new IllegalArgumentException(type + ": matrix start " + matrixStart + " and row length " + cols
                    + " must be multiples of " + block);
        }
        long rowBytes = (long) cols / block * type.blockBytes();
        long end = matrixStart / block * type.blockBytes() + rowTo * rowBytes;
        if (end > data.byteSize()) {
            throw new IndexOutOfBoundsException(type + ": rows up to " + rowTo + " need " + end + " bytes, the data has "
                    + data.byteSize());
        }
        return rowBytes;
    }

    /** One row (starting at byte {@code row}) · x[xOffset ..]. */
    abstract float dotRow(MemorySegment data, long row, int cols, float[] x, int xOffset);

    /** One row · four activation rows x[xOffset + t * xStride ..]; results to out[outIndex + t * outStride]. */
    abstract void dotRow4(MemorySegment data, long row, int cols, float[] x, int xOffset, int xStride,
                          float[] out, int outIndex, int outStride);
}
