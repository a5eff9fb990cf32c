package dev.gannet.kernels.lora;

import java.nio.file.Path;
import java.util.Map;

/**
 * A LoRA adapter in llama.cpp's GGUF layout, read into memory: for each adapted base tensor, the
 * pair A, B with W' = W + factor · B · A (see {@link ScaledLora#factorFor}). It holds no file open.
 *
 * @param source       where it was read from, for messages
 * @param architecture {@code general.architecture}; must equal the base model's
 * @param alpha        {@code adapter.lora.alpha}, 0 when the file has none
 * @param pairs        by base tensor name, in file order
 */
public record LoraAdapter(String source, String architecture, float alpha, Map<String, LoraPair> pairs) {
    public static final String GENERAL_TYPE = "general.type";
    public static final String ADAPTER_TYPE = "adapter.type";
    public static final String ALPHA = "adapter.lora.alpha";
    public static final String SUFFIX_A = ".lora_a";
    public static final String SUFFIX_B = ".lora_b";

    public LoraAdapter {
        pairs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pairs));
    }

    /** Reads and checks an adapter file; a bad file is one {@link LoraAdapterException}. */
    public static LoraAdapter read(Path path) {
        return LoraAdapterReader.read(path);
    }

    /** This adapter at {@code scale}. */
    public ScaledLora scaled(float scale) {
        return new ScaledLora(this, scale);
    }

    /** The largest rank among its pairs. */
    public int maxRank() {
        return pairs.values().stream().mapToInt(LoraPair::rank).max().orElse(0);
    }
}
