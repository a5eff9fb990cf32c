package dev.gannet.kernels.arch;

/**
 * How rotary position embedding pairs the dimensions of a head.
 *
 * <p>{@code NORMAL} rotates adjacent pairs (x[2i], x[2i+1]): llama-family GGUFs store Q and K
 * permuted so that this is right for them. {@code NEOX} rotates (x[i], x[i + d/2]), as GPT-NeoX,
 * Qwen, Phi-3 and Gemma were trained.
 */
public enum RopeStyle {
    NORMAL,
    NEOX
}
