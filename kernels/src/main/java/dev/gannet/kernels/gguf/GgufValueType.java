package dev.gannet.kernels.gguf;

import java.util.Optional;

/** The metadata value types of GGUF, with their on-disk ids and fixed sizes (0 = variable). */
public enum GgufValueType {
    UINT8(0, 1),
    INT8(1, 1),
    UINT16(2, 2),
    INT16(3, 2),
    UINT32(4, 4),
    INT32(5, 4),
    FLOAT32(6, 4),
    BOOL(7, 1),
    STRING(8, 0),
    ARRAY(9, 0),
    UINT64(10, 8),
    INT64(11, 8),
    FLOAT64(12, 8);

    private final int id;
    private final int fixedSize;

    GgufValueType(int id, int fixedSize) {
        this.id = id;
        this.fixedSize = fixedSize;
    }

    public static Optional<GgufValueType> fromId(long id) {
        for (GgufValueType type : values()) {
            if (type.id == id) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public int id() {
        return id;
    }

    /** Bytes of one value of this type; 0 for strings and arrays, whose size is in their header. */
    public int fixedSize() {
        return fixedSize;
    }

    /**
     * The fewest bytes one value of this type can take on disk: strings and arrays carry at least
     * their 8-byte length (arrays also a 4-byte element type). Used to reject absurd counts before
     * allocating anything for them.
     */
    public int minimumSize() {
        return switch (this) {
            case STRING -> 8;
            case ARRAY -> 12;
            default -> fixedSize;
        };
    }
}
