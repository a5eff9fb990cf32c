package dev.gannet.kernels.lora;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The adapters committed under src/test/resources/lora, which scripts/lora_reference.py runs through
 * llama.cpp. {@link #main} rewrites them (reproducibly, fixed seeds); tests only read them.
 *
 * <pre>
 * java -cp target/classes:target/test-classes dev.gannet.kernels.lora.LoraTestAdapters src/test/resources/lora
 * </pre>
 */
public final class LoraTestAdapters {
    /** Rank 8, alpha 16, A/B in F32: q, v and down of both layers of the llama fixtures. */
    public static final String LLAMA_R8_F32 = "llama-s7-r8-f32.lora.gguf";
    /** Rank 4, alpha 0 (bare scale), A/B in F16: k, output and gate of both layers, and output.weight. */
    public static final String LLAMA_R4_F16 = "llama-s7-r4-f16.lora.gguf";
    /** Rank 8, alpha 8, A/B in F32: the fused attn_qkv of layer 0 and fused gate+up of layer 1. */
    public static final String PHI3_R8_F32 = "phi3-s7-r8-f32.lora.gguf";

    private LoraTestAdapters() {
    }

    public static Path resource(String name) {
        return Path.of("src/test/resources/lora").resolve(name);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/lora");
        Files.createDirectories(dir);
        try (GgufFile llama = GgufReader.open(SharedFixtures.model("llama-s7-f32.gguf"));
             GgufFile phi3 = GgufReader.open(SharedFixtures.model("phi3-s7-f32.gguf"))) {
            LoraAdapterWriter.write(RandomLoraAdapter.forModel(llama,
                    perLayer(2, "attn_q.weight", "attn_v.weight", "ffn_down.weight"), 8, 16f, 0.05f, 8),
                    GgmlType.F32, dir.resolve(LLAMA_R8_F32));
            List<String> second = perLayer(2, "attn_k.weight", "attn_output.weight", "ffn_gate.weight");
            second.add("output.weight");
            LoraAdapterWriter.write(RandomLoraAdapter.forModel(llama, second, 4, 0f, 0.1f, 4),
                    GgmlType.F16, dir.resolve(LLAMA_R4_F16));
            LoraAdapterWriter.write(RandomLoraAdapter.forModel(phi3,
                    List.of("blk.0.attn_qkv.weight", "blk.1.ffn_up.weight"), 8, 8f, 0.1f, 16),
                    GgmlType.F32, dir.resolve(PHI3_R8_F32));
        }
    }

    static List<String> perLayer(int layers, String... names) {
        List<String> targets = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            for (String name : names) {
                targets.add("blk." + layer + "." + name);
            }
        }
        return targets;
    }
}
