package dev.gannet.kernels.tensor;

import java.util.Set;

/** Thrown when a tensor type has no kernel: Gannet can read such a tensor but not compute with it. */
public final class UnsupportedTensorTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final GgmlType type;

    UnsupportedTensorTypeException(GgmlType type, Set<GgmlType> supported) {
        super("no kernel for tensor type " + type + " (ggml id " + type.id() + "); Gannet computes with " + supported);
        this.type = type;
    }

    public GgmlType type() {
        return type;
    }
}
