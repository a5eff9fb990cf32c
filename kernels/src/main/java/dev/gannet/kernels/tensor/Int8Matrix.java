package dev.gannet.kernels.tensor;

import static dev.gannet.kernels.tensor.VectorMath.F;
import static dev.gannet.kernels.tensor.VectorMath.LANES;
import static dev.gannet.kernels.tensor.VectorMath.broadcast;
import static dev.gannet.kernels.tensor.VectorMath.load;
import static dev.gannet.kernels.tensor.VectorMath.toFloats;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A matrix repacked at load into signed 8-bit quants with one float scale per 16 weights, a layout
 * the Vector API decodes with a third of the operations of Q6_K's. Off by default; {@link #PROPERTY}
 * turns it on per type.
 *
 * <p>Why it exists, and why it is off: a Q6_K weight is assembled from two bit planes (four low bits
 * here, two high bits there, each byte shared by several weights), about thirteen vector operations
 * per sixteen weights before the multiply; an 8-bit quant is one widening load and a conversion. In
 * isolation (JMH, one thread, a 576 × 1536 matrix that stays in L2) the repacked Q6_K multiplies
 * 2.75× faster and Q5_0 1.55×. Inside a model on the 2-core machine measured, decode reads its
 * weights from the shared L3 or memory, and the extra bytes (10 bits per weight against Q6_K's 6.56
 * and Q5_0's 5.5) cost what the operations save: SmolLM2-135M Q4_K_M decoded at the same speed with
 * Q6_K repacked and 15% slower with Q5_0 as well. Where decode is bound by arithmetic rather than
 * memory (more bandwidth per core) the trade can go the other way; {@code bench speed} measures it.
 *
 * <p>The repacking is exact: a Q6_K weight is {@code d · scale[s] · (q − 32)} with d a float16 and
 * scale[s] an 8-bit integer, so {@code d · scale[s]} is a float without rounding (11 + 8 significant
 * bits) and {@code q − 32} fits a byte; a Q5_0 weight is {@code d · (q − 16)}. The products differ from
 * the file's kernels only in the order of the float additions.
 *
 * <pre>
 * per row of cols weights, 1.25 · cols bytes:
 * bytes                 field
 * 0 .. cols/4           scale[cols / 16]  float, little-endian: the scale of weights 16g .. 16g + 15
 * cols/4 .. 5·cols/4    q[cols]           int8: each weight's quant, in order
 * </pre>
 */
public final class Int8Matrix implements WeightDecoder {
    private static final int GROUP = 16;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    /** The system property naming the types to repack: {@code Q6_K}, {@code Q6_K,Q5_0}, or {@code none}. */
    public static final String PROPERTY = "gannet.repack";
    /** The types repacked, or null when the property names something that cannot be repacked. */
    private static final Set<GgmlType> REPACKED;
    /** What is wrong with the property, or null. */
    private static final String SETTING_ERROR;

    static {
        Set<GgmlType> types = null;
        String error = null;
        try {
            types = parseSetting(System.getProperty(PROPERTY, "none"));
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        REPACKED = types;
        SETTING_ERROR = error;
    }

    /**
     * The types a {@link #PROPERTY} value names: comma-separated type names, any case, or
     * {@code none}.
     *
     * @throws IllegalArgumentException naming the first entry that is not a type that can be repacked
     */
    static Set<GgmlType> parseSetting(String setting) {
        Set<GgmlType> types = EnumSet.noneOf(GgmlType.class);
        for (String name : setting.split(",")) {
            String trimmed = name.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty() || trimmed.equals("NONE")) {
                continue;
            }
            GgmlType type = Arrays.stream(GgmlType.values()).filter(t -> t.name().equals(trimmed)).findFirst()
                    .orElse(null);
            if (type == null || !type.supportsCompute() || !(TensorKernels.of(type) instanceof Int8Repackable)) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + setting + ": " + name.trim()
                        + " cannot be repacked; the types that can are Q6_K and Q5_0 (or none)");
            }
            types.add(type);
        }
        return Collections.unmodifiableSet(types);
    }

    private final MemorySegment data;
    private final int rows;
    private final int cols;
    private final long scaleBytes;
    private final long rowBytes;

    private Int8Matrix(MemorySegment data, int rows, int cols) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.scaleBytes = (long) cols / GROUP * Float.BYTES;
        this.rowBytes = scaleBytes + cols;
    }

    /**
     * Whether matrices of {@code type} are repacked: the types {@link #PROPERTY} names (none by
     * default), when the vector kernels run here.
     *
     * @throws IllegalArgumentException if the property names a type that cannot be repacked
     */
    public static boolean repacks(GgmlType type) {
        checkSetting();
        return VectorMath.FUSED && REPACKED.contains(type);
    }

    /**
     * Throws if {@link #PROPERTY} names a type that cannot be repacked: models call it before their
     * warm-up thread starts, so the message reaches the user from the loading thread.
     */
    public static void checkSetting() {
        if (SETTING_ERROR != null) {
            throw new IllegalArgumentException(SETTING_ERROR);
        }
    }

    /**
     * Repacks rows [0, rows) of the matrix of {@code type} and {@code cols} columns whose first
     * element is element {@code firstElement} of {@code source} into memory of its own, freed with
     * this object.
     *
     * @throws IllegalArgumentException  if the type cannot be repacked, or the rows are not whole blocks
     * @throws IndexOutOfBoundsException if the rows lie past the end of {@code source}
     */
    public static Int8Matrix repack(GgmlType type, MemorySegment source, long firstElement, int rows, int cols) {
        if (!(TensorKernels.of(type) instanceof Int8Repackable repackable)) {
            throw new IllegalArgumentException(type + " weights cannot be repacked as 8-bit quants");
        }
        int block = type.blockSize();
        if (cols % block != 0 || cols % (2 * GROUP) != 0 || rows < 0) {
            throw new IllegalArgumentException(type + " rows of " + cols + " columns cannot be repacked");
        }
        Int8Matrix matrix = new Int8Matrix(Arena.ofAuto().allocate(rows * (cols / GROUP * Float.BYTES + (long) cols), 64),
                rows, cols);
        float[] scales = new float[cols / GROUP];
        byte[] quants = new byte[cols];
        for (int r = 0; r < rows; r++) {
            long from = KernelArgs.byteOffset(type, source, firstElement + (long) r * cols, cols);
            for (int i = 0; i < cols; i += block, from += type.blockBytes()) {
                repackable.repackBlock(source, from, scales, i / GROUP, quants, i);
            }
            long row = r * matrix.rowBytes;
            MemorySegment.copy(scales, 0, matrix.data, FLOAT, row, scales.length);
            MemorySegment.copy(quants, 0, matrix.data, ValueLayout.JAVA_BYTE, row + matrix.scaleBytes, cols);
        }
        return matrix;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Bytes of memory the repacked weights take. */
    public long byteSize() {
        return data.byteSize();
    }

    /** Row {@code row}'s weights into out[outOffset, outOffset + cols): the same floats as the file's. */
    public void dequantizeRow(int row, float[] out, int outOffset) {
        checkRows(row, row + 1);
        KernelArgs.checkArray("out", out, outOffset, cols);
        long start = row * rowBytes;
        for (int i = 0; i < cols; i++) {
            out[outOffset + i] = data.get(FLOAT, start + (long) (i / GROUP) * Float.BYTES)
                    * data.get(ValueLayout.JAVA_BYTE, start + scaleBytes + i);
        }
    }

    /**
     * out[t * outStride + outOffset + r] = row r · x[t * xStride ..] for rows [rowFrom, rowTo) and
     * {@code tokens} tokens; as {@link TensorKernel#multiply}.
     */
    public void multiply(int rowFrom, int rowTo, float[] x, int xStride, int tokens, float[] out, int outStride,
                         int outOffset, float[] scratch) {
        checkRows(rowFrom, rowTo);
        if (tokens >= FusedBlockKernel.TILED_FROM_TOKENS) {
            ChunkedMultiply.multiply(this, data, 0, cols, rowFrom, rowTo, x, xStride, tokens, out, outStride,
                    outOffset, scratch);
            return;
        }
        VectorMath.checkMultiply(cols, rowFrom, rowTo, x, xStride, tokens, out, outStride, outOffset);
        for (int r = rowFrom; r < rowTo; r++) {
            for (int t = 0; t < tokens; t++) {
                out[t * outStride + outOffset + r] = dotRow(r * rowBytes, x, t * xStride);
            }
        }
    }

    /** The prefill path, as {@link TensorKernel#multiply} for a packed batch: the register-tiled kernel. */
    public void multiply(int rowFrom, int rowTo, ActivationBatch x, float[] out, int outStride, int outOffset,
                         float[] scratch) {
        checkRows(rowFrom, rowTo);
        TiledMultiply.multiply(this, data, 0, cols, rowFrom, rowTo, x, out, outStride, outOffset, scratch);
    }

    private void checkRows(int rowFrom, int rowTo) {
        if (rowFrom < 0 || rowTo > rows || rowFrom > rowTo) {
            throw new IndexOutOfBoundsException("rows " + rowFrom + ".." + rowTo + " of a matrix of " + rows);
        }
    }

    // Two accumulators, for even and odd groups: with one, every sixteen weights waited for the
    // previous FMA's result (four cycles) while their own few operations take about two.
    private float dotRow(long row, float[] x, int xOffset) {
        FloatVector even = FloatVector.zero(F);
        FloatVector odd = FloatVector.zero(F);
        long scales = row;
        long quants = row + scaleBytes;
        for (int i = 0; i < cols; i += 2 * GROUP, scales += 2 * Float.BYTES) {
            FloatVector groupEven = FloatVector.zero(F);
            FloatVector groupOdd = FloatVector.zero(F);
            for (int j = 0; j < GROUP; j += LANES) {
                int w = i + j;
                groupEven = toFloats(VectorMath.signedBytes(data, quants + w)).fma(load(x, xOffset + w), groupEven);
                groupOdd = toFloats(VectorMath.signedBytes(data, quants + w + GROUP))
                        .fma(load(x, xOffset + w + GROUP), groupOdd);
            }
            even = groupEven.fma(broadcast(data.get(FLOAT, scales)), even);
            odd = groupOdd.fma(broadcast(data.get(FLOAT, scales + Float.BYTES)), odd);
        }
        return even.add(odd).reduceLanes(VectorOperators.ADD);
    }

    /** Decodes a run of whole groups for the tiled multiplies: each quant times its group's scale. */
    @Override
    public void decodeWeights(MemorySegment data, long from, float[] out, int outOffset, int count) {
        KernelArgs.checkArray("out", out, outOffset, count);
        int row = (int) (from / cols);
        int col = (int) (from % cols);
        if (from < 0 || row >= rows || col % GROUP != 0 || count % GROUP != 0 || col + count > cols) {
            throw new IndexOutOfBoundsException("weights " + from + "+" + count + " are not whole groups of one row of "
                    + rows + " × " + cols);
        }
        long scales = row * rowBytes + (long) col / GROUP * Float.BYTES;
        long quants = row * rowBytes + scaleBytes + col;
        for (int i = 0; i < count; i += GROUP, scales += Float.BYTES) {
            FloatVector scale = broadcast(data.get(FLOAT, scales));
            for (int j = 0; j < GROUP; j += LANES) {
                toFloats(VectorMath.signedBytes(data, quants + i + j)).mul(scale).intoArray(out, outOffset + i + j);
            }
        }
    }
}
