package dev.gannet.kernels.lora;

import dev.gannet.kernels.gguf.GgufWriter;
import dev.gannet.kernels.tensor.GgmlType;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes an adapter in llama.cpp's GGUF layout (what {@code convert_lora_to_gguf.py} produces):
 * {@code general.type = adapter}, {@code adapter.type = lora}, {@code adapter.lora.alpha}, and per
 * adapted tensor {@code <name>.lora_a} {inputs, rank} and {@code <name>.lora_b} {rank, outputs}.
 */
public final class LoraAdapterWriter {
    private LoraAdapterWriter() {
    }

    /** Writes {@code adapter} with A and B stored as {@code type} (F32 or F16, as llama.cpp's converter). */
    public static void write(LoraAdapter adapter, GgmlType type, Path path) throws IOException {
        GgufWriter writer = new GgufWriter()
                .putString("general.architecture", adapter.architecture())
                .putString(LoraAdapter.GENERAL_TYPE, "adapter")
                .putString(LoraAdapter.ADAPTER_TYPE, "lora")
                .putFloat32(LoraAdapter.ALPHA, adapter.alpha());
        for (LoraPair pair : adapter.pairs().values()) {
            writer.addTensor(pair.target() + LoraAdapter.SUFFIX_A, type, pair.shapeA(), pair.a());
            writer.addTensor(pair.target() + LoraAdapter.SUFFIX_B, type, pair.shapeB(), pair.b());
        }
        writer.write(path);
    }
}
