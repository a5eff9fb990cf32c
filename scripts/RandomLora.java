import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.kernels.lora.LoraAdapter;
import dev.gannet.kernels.lora.LoraAdapterWriter;
import dev.gannet.kernels.lora.RandomLoraAdapter;
import dev.gannet.kernels.tensor.GgmlType;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Test tooling: writes a random LoRA adapter (llama.cpp's GGUF layout, F16) for every attention and
 * feed-forward projection of a model, reproducible from its seed. It is what docs/lora.md's
 * comparison of base, adapter and fused models runs on:
 *
 * <pre>
 * scripts/random_lora.sh MODEL.gguf OUT.lora.gguf [RANK] [B_STD] [SEED]
 * # which runs: java --add-modules jdk.incubator.vector -cp bench/target/gannet.jar scripts/RandomLora.java …
 * </pre>
 *
 * Defaults: rank 8, B standard deviation 0.01, seed 42; alpha equals the rank, so the factor at
 * scale 1 is 1. A ~ N(0, 1/inputs) keeps A·x at the scale of the normalised input, so a small B
 * nudges every projection by about a percent: the model changes measurably and stays coherent.
 */
public final class RandomLora {
    /** The projections llama.cpp's converter adapts; norms, embeddings and the output head are left alone. */
    private static final Pattern TARGETS =
            Pattern.compile("blk\\.\\d+\\.(attn_q|attn_k|attn_v|attn_qkv|attn_output|ffn_gate|ffn_up|ffn_down)\\.weight");

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 5) {
            System.err.println("usage: RandomLora MODEL.gguf OUT.lora.gguf [RANK=8] [B_STD=0.01] [SEED=42]");
            System.exit(2);
        }
        try {
            write(Path.of(args[0]), Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 8,
                    args.length > 3 ? Float.parseFloat(args[3]) : 0.01f, args.length > 4 ? Long.parseLong(args[4]) : 42L);
        } catch (RuntimeException | java.io.IOException e) {
            System.err.println("RandomLora: " + e.getMessage()); // one line, as the gannet CLI answers bad input
            System.exit(1);
        }
    }

    private static void write(Path model, Path out, int rank, float bStd, long seed) throws java.io.IOException {
        try (GgufFile base = GgufReader.open(model)) {
            List<String> targets = base.tensors().stream().map(GgufTensorInfo::name)
                    .filter(name -> TARGETS.matcher(name).matches()).toList();
            LoraAdapter adapter = RandomLoraAdapter.forModel(base, targets, rank, rank, bStd, seed);
            LoraAdapterWriter.write(adapter, GgmlType.F16, out);
            System.out.printf("%s: rank %d, B std %s, seed %d, %d tensors adapted%n", out, rank, bStd, seed, targets.size());
        }
    }
}
