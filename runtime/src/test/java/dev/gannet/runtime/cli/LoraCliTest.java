package dev.gannet.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.lora.LoraAdapterWriter;
import dev.gannet.kernels.lora.RandomLoraAdapter;
import dev.gannet.kernels.tensor.GgmlType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gannet fuse} and {@code --lora} on the model commands, in-process. */
class LoraCliTest {
    private static final String TOKENS = "1 436 94 16 328 77 12";

    @TempDir
    Path temp;
    private Path adapter;
    private final String base = CliContractTest.fixture("llama-s7-q8_0.gguf").toString();

    @BeforeEach
    void writeAdapter() throws IOException {
        adapter = temp.resolve("r8.lora.gguf");
        try (GgufFile file = GgufReader.open(CliContractTest.fixture("llama-s7-q8_0.gguf"))) {
            LoraAdapterWriter.write(RandomLoraAdapter.forModel(file,
                    List.of("blk.0.attn_q.weight", "blk.1.ffn_up.weight", "output.weight"), 8, 16f, 0.05f, 1),
                    GgmlType.F16, adapter);
        }
    }

    @Test
    void runTimeAdapterAndFusedF32ModelGiveTheSameLogits() throws IOException {
        Path fused = temp.resolve("fused.gguf");
        CliContractTest.Result fuse = CliContractTest.run("", "fuse", "--model", base, "--lora", adapter.toString(),
                "--lora-scale", "0.5", "--out", fused.toString(), "--type", "f32");
        assertEquals(0, fuse.exitCode(), fuse.err());
        assertTrue(fuse.err().contains("into 3 of"), fuse.err());

        float[] adapted = logits("--model", base, "--lora", adapter.toString(), "--lora-scale", "0.5");
        float[] folded = logits("--model", fused.toString());
        float[] plain = logits("--model", base);
        double moved = 0;
        for (int i = 0; i < adapted.length; i++) {
            assertEquals(folded[i], adapted[i], 1e-3, "logit " + i);
            moved = Math.max(moved, Math.abs(adapted[i] - plain[i]));
        }
        assertTrue(moved > 0.1, "the adapter moved the logits by only " + moved);
    }

    @Test
    void fuseKeepsTypesByDefaultAndQuantizesWithType() throws IOException {
        Path kept = temp.resolve("kept.gguf");
        Path q4 = temp.resolve("q4_k.gguf");
        assertEquals(0, CliContractTest.run("", "fuse", "-m", base, "--lora", adapter.toString(), "--out", kept.toString()).exitCode());
        assertEquals(0, CliContractTest.run("", "fuse", "-m", base, "--lora", adapter.toString(), "--out", q4.toString(),
                "--type", "q4_k").exitCode());
        try (GgufFile k = GgufReader.open(kept); GgufFile q = GgufReader.open(q4)) {
            assertEquals(GgmlType.Q8_0, k.tensor("blk.0.attn_q.weight").type());
            assertEquals(GgmlType.Q8_0, k.tensor("blk.0.attn_k.weight").type());
            assertEquals(GgmlType.Q4_K, q.tensor("blk.0.attn_q.weight").type());
            assertEquals(GgmlType.Q4_K, q.tensor("blk.0.attn_k.weight").type());
            assertEquals(GgmlType.F32, q.tensor("blk.0.attn_norm.weight").type());
        }
        assertEquals(0, CliContractTest.run("", "logits", "--model", q4.toString(), "--tokens", TOKENS,
                "--out", temp.resolve("q4.f32").toString()).exitCode());
    }

    @Test
    void userMistakesAreOneLine() {
        CliContractTest.Result notAdapter = CliContractTest.run("", "logits", "--model", base, "--lora", base,
                "--tokens", TOKENS, "--out", temp.resolve("x.f32").toString());
        assertEquals(1, notAdapter.exitCode());
        assertTrue(notAdapter.err().startsWith("gannet: ") && notAdapter.err().contains("not an adapter"), notAdapter.err());
        assertEquals(1, notAdapter.err().lines().count(), notAdapter.err());

        CliContractTest.Result otherModel = CliContractTest.run("", "logits",
                "--model", CliContractTest.fixture("qwen2-s7-f32.gguf").toString(), "--lora", adapter.toString(),
                "--tokens", TOKENS, "--out", temp.resolve("y.f32").toString());
        assertEquals(1, otherModel.exitCode());
        assertTrue(otherModel.err().contains("the adapter is for architecture 'llama'"), otherModel.err());

        CliContractTest.Result scales = CliContractTest.run("", "fuse", "-m", base, "--lora", adapter.toString(),
                "--lora", adapter.toString(), "--lora-scale", "2", "--out", temp.resolve("z.gguf").toString());
        assertEquals(1, scales.exitCode());
        assertTrue(scales.err().contains("give one per adapter"), scales.err());

        CliContractTest.Result type = CliContractTest.run("", "fuse", "-m", base, "--lora", adapter.toString(),
                "--out", temp.resolve("w.gguf").toString(), "--type", "q9_9");
        assertEquals(1, type.exitCode());
        assertTrue(type.err().contains("--type q9_9 is not one Gannet writes"), type.err());
    }

    private float[] logits(String... modelArgs) throws IOException {
        Path out = Files.createTempFile(temp, "logits", ".f32");
        // An F32 KV cache: half precision would round the two models' nearly equal keys apart.
        String[] args = new String[modelArgs.length + 7];
        args[0] = "logits";
        System.arraycopy(modelArgs, 0, args, 1, modelArgs.length);
        args[modelArgs.length + 1] = "--tokens";
        args[modelArgs.length + 2] = TOKENS;
        args[modelArgs.length + 3] = "--out";
        args[modelArgs.length + 4] = out.toString();
        args[modelArgs.length + 5] = "--kv-type";
        args[modelArgs.length + 6] = "f32";
        CliContractTest.Result r = CliContractTest.run("", args);
        assertEquals(0, r.exitCode(), r.err());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
