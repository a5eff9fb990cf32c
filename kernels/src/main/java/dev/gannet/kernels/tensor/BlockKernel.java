package dev.gannet.kernels.tensor;

import java.lang.foreign.MemorySegment;

/**
 * A kernel of a block-quantized type: checks the arguments once, then walks the range block by
 * block. Subclasses know one block's layout and nothing else.
 */
abstract class BlockKernel implements TensorKernel {
    private final GgmlType type;
    private final int blockSize;
    private final int blockBytes;

    BlockKernel(GgmlType type) {
        this.type = type;
        this.blockSize = type.blockSize();
        this.blockBytes = type.blockBytes();
    }

    @Override
    public final GgmlType type() {
        return type;
    }

    @Override
    public final void dequantize(MemorySegment data, long from, float[] out, int outOffset, int count) {
        long block = KernelArgs.byteOffset(type, data, from, count);
        KernelArgs.checkArray("out", out, outOffset, count);
        for (int i = 0; i < count; i += blockSize, block += blockBytes) {
            dequantizeBlock(data, block, out, outOffset + i);
        }
    }

    @Override
    public final float dot(MemorySegment data, long from, float[] x, int xOffset, int count) {
        long block = KernelArgs.byteOffset(type, data, from, count);
        KernelArgs.checkArray("x", x, xOffset, count);
        float sum = 0;
        for (int i = 0; i < count; i += blockSize, block += blockBytes) {
            sum += dotBlock(data, block, x, xOffset + i);
        }
        return sum;
    }

    @Override
    public final void quantize(float[] values, int valuesOffset, MemorySegment data, long from, int count) {
        KernelArgs.checkWritable(data);
        long block = KernelArgs.byteOffset(type, data, from, count);
        KernelArgs.checkArray("values", values, valuesOffset, count);
        KernelArgs.checkFinite(type, values, valuesOffset, count);
        for (int i = 0; i < count; i += blockSize, block += blockBytes) {
            quantizeBlock(values, valuesOffset + i, data, block);
        }
    }

    /** Writes the block's {@code blockSize} weights to {@code out[outOffset..]}. */
    abstract void dequantizeBlock(MemorySegment data, long block, float[] out, int outOffset);

    /** The block's weights, formed as {@link #dequantizeBlock} forms them, dotted with {@code x[xOffset..]}. */
    abstract float dotBlock(MemorySegment data, long block, float[] x, int xOffset);

    /** Writes every byte of the block at {@code block} from {@code values[valuesOffset..]}. */
    abstract void quantizeBlock(float[] values, int valuesOffset, MemorySegment data, long block);
}
