package dev.gannet.kernels.tensor;

import java.util.Optional;

/**
 * The tensor element types of ggml, with the ids GGUF files store and the block geometry of each.
 *
 * <p>A quantized row of {@code n} elements is {@code n / blockSize} blocks of {@code blockBytes}
 * bytes each. Types Gannet can read but not compute with (the IQ family, integer types) are listed
 * so that a file holding them still parses and can be inspected; {@link #supportsCompute()} says
 * which ones the engine runs.
 */
public enum GgmlType {
    F32(0, 1, 4, true),
    F16(1, 1, 2, true),
    Q4_0(2, 32, 18, true),
    Q4_1(3, 32, 20, true),
    Q5_0(6, 32, 22, true),
    Q5_1(7, 32, 24, true),
    Q8_0(8, 32, 34, true),
    Q8_1(9, 32, 36, false),
    Q2_K(10, 256, 84, true),
    Q3_K(11, 256, 110, true),
    Q4_K(12, 256, 144, true),
    Q5_K(13, 256, 176, true),
    Q6_K(14, 256, 210, true),
    Q8_K(15, 256, 292, false),
    IQ2_XXS(16, 256, 66, false),
    IQ2_XS(17, 256, 74, false),
    IQ3_XXS(18, 256, 98, false),
    IQ1_S(19, 256, 50, false),
    IQ4_NL(20, 32, 18, false),
    IQ3_S(21, 256, 110, false),
    IQ2_S(22, 256, 82, false),
    IQ4_XS(23, 256, 136, false),
    I8(24, 1, 1, false),
    I16(25, 1, 2, false),
    I32(26, 1, 4, false),
    I64(27, 1, 8, false),
    F64(28, 1, 8, false),
    IQ1_M(29, 256, 56, false),
    BF16(30, 1, 2, true),
    TQ1_0(34, 256, 54, false),
    TQ2_0(35, 256, 66, false);

    /** Elements per super-block of the K-quants. */
    public static final int QK_K = 256;

    private static final GgmlType[] BY_ID = new GgmlType[64];

    static {
        for (GgmlType type : values()) {
            BY_ID[type.id] = type;
        }
    }

    private final int id;
    private final int blockSize;
    private final int blockBytes;
    private final boolean supportsCompute;

    GgmlType(int id, int blockSize, int blockBytes, boolean supportsCompute) {
        this.id = id;
        this.blockSize = blockSize;
        this.blockBytes = blockBytes;
        this.supportsCompute = supportsCompute;
    }

    /** The type with this GGUF id, or empty for ids ggml does not define (or no longer defines). */
    public static Optional<GgmlType> fromId(long id) {
        if (id < 0 || id >= BY_ID.length) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_ID[(int) id]);
    }

    public int id() {
        return id;
    }

    /** Elements per block (1 for plain float and integer types). */
    public int blockSize() {
        return blockSize;
    }

    /** Bytes per block. */
    public int blockBytes() {
        return blockBytes;
    }

    public boolean supportsCompute() {
        return supportsCompute;
    }

    /**
     * Bytes taken by {@code elements} elements; the caller has checked that {@code elements} is a
     * multiple of {@link #blockSize()}. Throws ArithmeticException on overflow.
     */
    public long bytesFor(long elements) {
        return Math.multiplyExact(elements / blockSize, (long) blockBytes);
    }
}
