package dev.gannet.kernels.model;

import java.util.Locale;

/**
 * How the KV cache stores keys and values. {@link #F16} is the default, as in llama.cpp: decode at
 * a long context reads the whole cache every token, and half precision halves that traffic.
 * {@link #F32} keeps them exactly as computed: what the fixture logits were made with, and the
 * choice when results must not depend on the cache's rounding.
 */
public enum KvCacheType {
    F16(Short.BYTES),
    F32(Float.BYTES);

    private final int bytes;

    KvCacheType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per stored element. */
    public int bytes() {
        return bytes;
    }

    /** "f16" or "f32", in any case. */
    public static KvCacheType parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "f16" -> F16;
            case "f32" -> F32;
            default -> throw new IllegalArgumentException("KV cache type must be f16 or f32, not '" + name + "'");
        };
    }

    /** The name {@link #parse} reads. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
