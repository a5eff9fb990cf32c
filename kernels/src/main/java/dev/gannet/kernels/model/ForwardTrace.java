package dev.gannet.kernels.model;

/**
 * Receives named intermediates of the forward pass ({@code attn_norm}, {@code q}, {@code attn_out},
 * {@code ffn_out}, {@code result_norm}…) so they can be dumped and compared with llama.cpp's.
 */
@FunctionalInterface
public interface ForwardTrace {
    ForwardTrace NONE = (name, layer, position, data, offset, length) -> {
    };

    /** {@code data[offset, offset + length)} is intermediate {@code name} of {@code layer} (-1: none) at {@code position}. */
    void record(String name, int layer, int position, float[] data, int offset, int length);
}
