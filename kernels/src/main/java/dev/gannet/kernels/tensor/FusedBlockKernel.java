package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * A block kernel with vector paths: for decode (a few tokens) each row is decoded in registers and
 * dotted with each token ({@link #dotRow}); for batches the tiled paths ({@link ChunkedMultiply},
 * and {@link TiledMultiply} for packed batches) decode with {@link #dequantizeVector} into L1 and
 * share each decoded weight among all tokens.
 */
abstract class FusedBlockKernel extends BlockKernel implements VectorDequantizer {
    /** From this many tokens on, the tiled path beats decoding every row once per token. */
    static final int TILED_FROM_TOKENS = 4;

    private final GgmlType type;

    FusedBlockKernel(GgmlType type) {
        super(type);
        this.type = type;
    }

    @Override
    public final void multiply(MemorySegment data, long matrixStart, int cols, int rowFrom, int rowTo,
                               float[] x, int xStride, int tokens, float[] out, int outStride, int outOffset,
                               float[] scratch) {
        if (!VectorMath.FUSED || tokens >= TILED_FROM_TOKENS) {
            ChunkedMultiply.multiply(this, data, matrixStart, cols, rowFrom, rowTo, x, xStride, tokens, out,
                    outStride, outOffset, scratch);
            return;
        }
        VectorMath.checkMultiply(cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset);
        long rowBytes = checkRows(data, matrixStart, cols, rowFrom, rowTo);
        long matrixByte = matrixStart / type.blockSize() * type.blockBytes();
        // Types whose blocks add an offset (Q4_1's m) need each block's Σx: computed once per token
        // here instead of once per row.
        int blocks = cols / type.blockSize();
        boolean sums = needsBlockSums() && (long) blocks * tokens <= scratch.length;
        if (sums) {
            for (int t = 0; t < tokens; t++) {
                blockSums(x, t * xStride, blocks, type.blockSize(), scratch, t * blocks);
            }
        }
        decodeRows(data, matrixByte, rowBytes, cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset,
                sums ? scratch : null, blocks);
    }

    /**
     * The decode loop: {@link #rowLoop} with this kernel. Every kernel class implements it as exactly
     * that call, and this is why: one loop shared by every type gathers one type profile at its
     * {@code dotRow} call, so C2 inlines the one or two types it saw most (the output matrix's, the
     * warm-up's) and a model's other types run through a call that is about three times slower (Q5_0
     * decoded at 19 tok/s behind a Q8_0 profile, against 48 alone). Called from each final class,
     * the loop is compiled once per type, with the receiver's exact type known.
     */
    abstract void decodeRows(MemorySegment data, long matrixByte, long rowBytes, int cols, int rowFrom, int rowTo,
                             float[] x, int xStride, int tokens, float[] out, int outStride, int outOffset,
                             float[] sums, int blocks);

    /** out[t][r] = row r · x_t for rows [rowFrom, rowTo); with {@code sums} (per token, per block Σx) non-null, through {@link #dotRowWithSums}. */
    static void rowLoop(FusedBlockKernel kernel, MemorySegment data, long matrixByte, long rowBytes, int cols,
                        int rowFrom, int rowTo, float[] x, int xStride, int tokens, float[] out, int outStride,
                        int outOffset, float[] sums, int blocks) {
        int r = rowFrom;
        if (tokens == 1 && kernel.decodesRowPairs()) {
            for (; r + 1 < rowTo; r += 2) {
                long row = matrixByte + r * rowBytes;
                kernel.dotTwoRows(data, row, row + rowBytes, cols, x, sums, out, outOffset + r);
            }
        }
        for (; r < rowTo; r++) {
            long row = matrixByte + r * rowBytes;
            for (int t = 0; t < tokens; t++) {
                out[t * outStride + outOffset + r] = sums != null
                        ? kernel.dotRowWithSums(data, row, cols, x, t * xStride, sums, t * blocks)
                        : kernel.dotRow(data, row, cols, x, t * xStride);
            }
        }
    }

    /** Whether {@link #dotTwoRows} is this kernel's own two-row loop, which decode then uses. */
    boolean decodesRowPairs() {
        return false;
    }

    /**
     * Decode, two rows at a time: out[at] and out[at + 1] = the rows starting at bytes {@code rowA}
     * and {@code rowB} · x[0 ..], through the block sums when {@code sums} is not null. Kernels
     * override it (and {@link #decodesRowPairs}) to load each x vector once for both rows and to run
     * two independent FMA chains, which C2 does not do on its own (Q4_1 decode on SmolLM2: 63–68 →
     * 76–79 tok/s). This fallback is not used for decode: two copies of a large row kernel inlined
     * into one method pass C2's limits, and Q6_K then ran its vector operations uncompiled.
     */
    void dotTwoRows(MemorySegment data, long rowA, long rowB, int cols, float[] x, float[] sums, float[] out, int at) {
        out[at] = sums != null ? dotRowWithSums(data, rowA, cols, x, 0, sums, 0) : dotRow(data, rowA, cols, x, 0);
        out[at + 1] = sums != null ? dotRowWithSums(data, rowB, cols, x, 0, sums, 0) : dotRow(data, rowB, cols, x, 0);
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

    /** sums[offset + b] = Σ of block b of x[xOffset ..]. */
    private static void blockSums(float[] x, int xOffset, int blocks, int blockSize, float[] sums, int offset) {
        for (int b = 0; b < blocks; b++) {
            sums[offset + b] = VectorMath.dot1(x, xOffset + b * blockSize, blockSize);
        }
    }

    /** Whether {@link #dotRowWithSums} wants the per-block sums of x. */
    boolean needsBlockSums() {
        return false;
    }

    /** {@link #dotRow} given the sums of x per block (only called when {@link #needsBlockSums}). */
    float dotRowWithSums(MemorySegment data, long row, int cols, float[] x, int xOffset, float[] sums, int sumsOffset) {
        return dotRow(data, row, cols, x, xOffset);
    }

    /** One row (starting at byte {@code row}) · x[xOffset ..]. */
    abstract float dotRow(MemorySegment data, long row, int cols, float[] x, int xOffset);

    @Override
    public final void dequantizeVector(MemorySegment data, long from, float[] out, int outOffset, int count) {
        long block = KernelArgs.byteOffset(type, data, from, count);
        KernelArgs.checkArray("out", out, outOffset, count);
        for (int i = 0; i < count; i += type.blockSize(), block += type.blockBytes()) {
            dequantizeBlockVector(data, block, out, outOffset + i);
        }
    }

    /** The vector twin of {@link #dequantizeBlock}: the same weights, written with vector stores. */
    abstract void dequantizeBlockVector(MemorySegment data, long block, float[] out, int outOffset);
}
