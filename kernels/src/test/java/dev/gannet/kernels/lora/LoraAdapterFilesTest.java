package dev.gannet.kernels.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.kernels.gguf.GgufWriter;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.tensor.Quantizer;
import dev.gannet.kernels.tensor.TensorKernels;
import dev.gannet.kernels.testing.SharedFixtures;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading, writing and fusing adapter files, and the one-line errors for the adapters a user can get
 * wrong: not an adapter, half a pair, made for another architecture or another model.
 */
class LoraAdapterFilesTest {
    @TempDir
    Path temp;

    private static final Path LLAMA = SharedFixtures.model("llama-s7-f32.gguf");

    @Test
    void writtenAdapterReadsBackWithLlamaCppsLayout() throws IOException {
        LoraAdapter adapter = LoraAdapter.read(LoraTestAdapters.resource(LoraTestAdapters.LLAMA_R8_F32));
        assertEquals("llama", adapter.architecture());
        assertEquals(16f, adapter.alpha());
        assertEquals(6, adapter.pairs().size());
        LoraPair q = adapter.pairs().get("blk.0.attn_q.weight");
        assertEquals(8, q.rank());
        assertEquals(256, q.inputs());
        assertEquals(256, q.outputs());
        assertEquals(2f, adapter.scaled(1f).factorFor(q), "scale × alpha / rank");
        try (GgufFile file = GgufReader.open(LoraTestAdapters.resource(LoraTestAdapters.LLAMA_R8_F32))) {
            assertEquals("adapter", file.metadata().getString("general.type"));
            assertEquals("lora", file.metadata().getString("adapter.type"));
            GgufTensorInfo down = file.tensor("blk.1.ffn_down.weight.lora_a");
            assertArrayEquals(new long[] {512, 8}, down.shape(), "A is {inputs, rank}");
            assertArrayEquals(new long[] {8, 256}, file.tensor("blk.1.ffn_down.weight.lora_b").shape(),
                    "B is {rank, outputs}");
        }

        Path f16 = temp.resolve("f16.lora.gguf");
        LoraAdapterWriter.write(adapter, GgmlType.F16, f16);
        LoraAdapter back = LoraAdapter.read(f16);
        for (LoraPair pair : adapter.pairs().values()) {
            assertArrayEquals(pair.a(), back.pairs().get(pair.target()).a(), 1e-3f);
            assertArrayEquals(pair.b(), back.pairs().get(pair.target()).b(), 1e-3f);
        }
    }

    @Test
    void aModelFileIsNotAnAdapter() {
        LoraAdapterException e = assertThrows(LoraAdapterException.class, () -> LoraAdapter.read(LLAMA));
        assertTrue(e.getMessage().contains("general.type is 'model'") || e.getMessage().contains("general.type is '(missing)'"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aGarbageFileIsOneReadableLine() throws IOException {
        Path junk = Files.write(temp.resolve("junk.gguf"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        LoraAdapterException e = assertThrows(LoraAdapterException.class, () -> LoraAdapter.read(junk));
        assertTrue(e.getMessage().contains("not a readable LoRA adapter"), e.getMessage());
    }

    @Test
    void halfAPairIsRejected() throws IOException {
        Path path = temp.resolve("half.lora.gguf");
        adapterHeader("llama").addTensor("blk.0.attn_q.weight.lora_a", new long[] {256, 8}, new float[256 * 8])
                .write(path);
        LoraAdapterException e = assertThrows(LoraAdapterException.class, () -> LoraAdapter.read(path));
        assertTrue(e.getMessage().contains("'blk.0.attn_q.weight.lora_a' has no matching .lora_b"), e.getMessage());
    }

    @Test
    void transposedAIsRejected() throws IOException {
        Path path = temp.resolve("transposed.lora.gguf");
        adapterHeader("llama")
                .addTensor("blk.0.attn_q.weight.lora_a", new long[] {8, 256}, new float[256 * 8])
                .addTensor("blk.0.attn_q.weight.lora_b", new long[] {8, 256}, new float[256 * 8])
                .write(path);
        LoraAdapterException e = assertThrows(LoraAdapterException.class, () -> LoraAdapter.read(path));
        assertTrue(e.getMessage().contains("A's ne[1] must equal B's ne[0]"), e.getMessage());
    }

    @Test
    void anAdapterForAnotherArchitectureIsRejected() {
        ScaledLora phi3 = LoraAdapter.read(LoraTestAdapters.resource(LoraTestAdapters.PHI3_R8_F32)).scaled(1f);
        try (Model llama = Model.load(LLAMA)) {
            LoraAdapterException e = assertThrows(LoraAdapterException.class, () -> llama.withAdapters(List.of(phi3)));
            assertTrue(e.getMessage().contains("the adapter is for architecture 'phi3'")
                    && e.getMessage().contains("is 'llama'"), e.getMessage());
        }
    }

    @Test
    void anAdapterForAnotherModelOfTheSameArchitectureIsRejected() {
        LoraPair tooWide = new LoraPair("blk.0.attn_q.weight", 4, 512, 256, new float[4 * 512], new float[256 * 4]);
        LoraPair missing = new LoraPair("blk.9.attn_q.weight", 4, 256, 256, new float[4 * 256], new float[256 * 4]);
        try (Model llama = Model.load(LLAMA)) {
            LoraAdapterException shape = assertThrows(LoraAdapterException.class, () -> llama.withAdapters(
                    List.of(new LoraAdapter("wide.gguf", "llama", 0, Map.of(tooWide.target(), tooWide)).scaled(1f))));
            assertTrue(shape.getMessage().startsWith("wide.gguf: tensor 'blk.0.attn_q.weight' is [256, 256] in the model"),
                    shape.getMessage());
            LoraAdapterException absent = assertThrows(LoraAdapterException.class, () -> llama.withAdapters(
                    List.of(new LoraAdapter("deep.gguf", "llama", 0, Map.of(missing.target(), missing)).scaled(1f))));
            assertTrue(absent.getMessage().contains("adapts tensor 'blk.9.attn_q.weight', which the model"),
                    absent.getMessage());
        }
    }

    @Test
    void tokenEmbeddingAdaptersAreRefusedClearly() {
        LoraPair embd = new LoraPair("token_embd.weight", 4, 256, 512, new float[4 * 256], new float[512 * 4]);
        try (Model llama = Model.load(LLAMA)) {
            LoraAdapterException e = assertThrows(LoraAdapterException.class, () -> llama.withAdapters(
                    List.of(new LoraAdapter("embd.gguf", "llama", 0, Map.of(embd.target(), embd)).scaled(1f))));
            assertTrue(e.getMessage().contains("adapts token_embd.weight, which Gannet does not support"), e.getMessage());
        }
    }

    /** Fusing straight to Q8_0 is fusing to F32 then quantizing: the same bytes in every tensor. */
    @Test
    void fusingToAQuantizedTypeQuantizesTheFusedWeights() throws IOException {
        List<ScaledLora> adapters = List.of(
                LoraAdapter.read(LoraTestAdapters.resource(LoraTestAdapters.LLAMA_R8_F32)).scaled(0.5f));
        Path f32 = temp.resolve("fused-f32.gguf");
        Path q8 = temp.resolve("fused-q8_0.gguf");
        try (GgufFile base = GgufReader.open(LLAMA)) {
            LoraFuser.Summary summary = LoraFuser.fuse(base, adapters, GgmlType.F32, f32);
            assertEquals(6, summary.fusedTensors());
            assertTrue(summary.fallbacks().isEmpty());
            LoraFuser.fuse(base, adapters, GgmlType.Q8_0, q8);
        }
        try (GgufFile exact = GgufReader.open(f32); GgufFile quantized = GgufReader.open(q8)) {
            for (GgufTensorInfo tensor : exact.tensors()) {
                GgufTensorInfo mine = quantized.tensor(tensor.name());
                float[] values = new float[(int) tensor.elementCount()];
                TensorKernels.of(tensor.type()).dequantize(tensor.data(), 0, values, 0, values.length);
                GgmlType expected = tensor.dimensions() == 2 ? GgmlType.Q8_0 : GgmlType.F32;
                assertEquals(expected, mine.type(), tensor.name());
                byte[] want = expected == GgmlType.F32 ? tensor.data().toArray(ValueLayout.JAVA_BYTE)
                        : Quantizer.quantize(expected, values);
                assertArrayEquals(want, mine.data().toArray(ValueLayout.JAVA_BYTE), tensor.name());
            }
            assertTrue(quantized.metadata().getString(LoraFuser.FUSED_ADAPTERS).contains("llama-s7-r8-f32.lora.gguf"));
        }
    }

    private static GgufWriter adapterHeader(String architecture) {
        return new GgufWriter().putString("general.architecture", architecture)
                .putString("general.type", "adapter").putString("adapter.type", "lora")
                .putFloat32("adapter.lora.alpha", 8f);
    }
}
