package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.lora.LoraAdapter;
import dev.gannet.kernels.lora.LoraAdapterWriter;
import dev.gannet.kernels.lora.LoraFuser;
import dev.gannet.kernels.lora.LoraTestAdapters;
import dev.gannet.kernels.lora.RandomLoraAdapter;
import dev.gannet.kernels.lora.ScaledLora;
import dev.gannet.kernels.tensor.GgmlType;
import dev.gannet.kernels.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adapters applied at run time against the same adapters folded into an F32 copy of the base
 * (W + factor · B · A, every weight dequantized): an independent computation of the same function,
 * so the logits must agree to float rounding (±1e-3) — batched prefill and one token at a time
 * alike, on plain, quantized, biased and fused-tensor architectures, with one or several adapters.
 */
class LoraFusedTruthTest {
    private static final float TOLERANCE = 1e-3f;
    private static ThreadTeam team;
    private static int[] tokens;
    private static final List<String> MEASURED = new ArrayList<>();

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws IOException {
        team = new ThreadTeam(2);
        tokens = Arrays.copyOf(ReferenceLogits.readTokens(SharedFixtures.reference("seqA.txt")), 16);
    }

    @AfterAll
    static void stop() throws IOException {
        team.close();
        LoraReport.write("target/lora-fused-truth.md", "| case | prefill vs fused F32 | decode vs fused F32 | adapters moved logits by |", MEASURED);
    }

    /** A base model and the adapters (file, scale) to put on it. */
    record Case(String name, String base, List<Path> adapters, List<Float> scales) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("llama f32 + r8 f32", "llama-s7-f32.gguf",
                List.of(LoraTestAdapters.resource(LoraTestAdapters.LLAMA_R8_F32)), List.of(1f)));
        cases.add(new Case("llama q4_k + r16 f16 on every projection and output", "llama-s7-q4_k.gguf",
                List.of(everyProjection("llama-s7-q4_k.gguf", 16, GgmlType.F16)), List.of(1f)));
        cases.add(new Case("llama q8_0 + two adapters at 0.75 and -1.5", "llama-s7-q8_0.gguf",
                List.of(LoraTestAdapters.resource(LoraTestAdapters.LLAMA_R8_F32),
                        LoraTestAdapters.resource(LoraTestAdapters.LLAMA_R4_F16)), List.of(0.75f, -1.5f)));
        cases.add(new Case("qwen2 q4_k_m mix + r8 on every projection", "qwen2-s7-q4_k_m-mix.gguf",
                List.of(everyProjection("qwen2-s7-q4_k_m-mix.gguf", 8, GgmlType.F32)), List.of(0.5f)));
        cases.add(new Case("phi3 q8_0 + r8 on fused qkv and gate+up", "phi3-s7-q8_0.gguf",
                List.of(LoraTestAdapters.resource(LoraTestAdapters.PHI3_R8_F32)), List.of(1f)));
        return cases.stream();
    }

    /** A random adapter on q, k, v, o, gate, up and down of every layer, plus output.weight. */
    private static Path everyProjection(String base, int rank, GgmlType type) throws IOException {
        Path path = temp.resolve(base + ".r" + rank + ".lora.gguf");
        try (GgufFile file = GgufReader.open(SharedFixtures.model(base))) {
            List<String> targets = new ArrayList<>();
            for (int layer = 0; layer < 2; layer++) {
                for (String name : List.of("attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down")) {
                    targets.add("blk." + layer + "." + name + ".weight");
                }
            }
            targets.add("output.weight");
            LoraAdapterWriter.write(RandomLoraAdapter.forModel(file, targets, rank, 2f * rank, 0.05f, rank), type, path);
        }
        return path;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runTimeAdaptersEqualTheF32FusedModel(Case c) throws IOException {
        List<ScaledLora> adapters = new ArrayList<>();
        for (int i = 0; i < c.adapters().size(); i++) {
            adapters.add(LoraAdapter.read(c.adapters().get(i)).scaled(c.scales().get(i)));
        }
        Path fused = Files.createTempFile(temp, "fused", ".gguf");
        try (GgufFile base = GgufReader.open(SharedFixtures.model(c.base()))) {
            LoraFuser.fuse(base, adapters, GgmlType.F32, fused);
        }
        try (Model base = Model.load(SharedFixtures.model(c.base()));
             Model truth = Model.load(fused)) {
            Model adapted = base.withAdapters(adapters);
            int vocab = base.config().vocabularySize();
            float[] expected = truth.newSession(team, 32, KvCacheType.F32).evaluateAll(tokens);
            float[] prefill = adapted.newSession(team, 32, KvCacheType.F32).evaluateAll(tokens);
            InferenceSession decode = adapted.newSession(team, 32, KvCacheType.F32);
            float[] stepwise = new float[tokens.length * vocab];
            for (int i = 0; i < tokens.length; i++) {
                System.arraycopy(decode.evaluateNext(tokens[i]), 0, stepwise, i * vocab, vocab);
            }
            assertArrayEquals(expected, prefill, TOLERANCE, "prefill differs from the fused model");
            assertArrayEquals(expected, stepwise, TOLERANCE, "decode differs from the fused model");
            // The adapters must matter, or agreeing with the fused model proves nothing.
            float[] plain = base.newSession(team, 32, KvCacheType.F32).evaluateAll(tokens);
            double moved = ReferenceLogits.Band.measure(prefill, plain, vocab).maxAbsDiff();
            synchronized (MEASURED) {
                MEASURED.add(String.format("| %s | max %.3g | max %.3g | %.3g |", c, maxDiff(prefill, expected),
                        maxDiff(stepwise, expected), moved));
            }
            assertTrue(moved > 0.2, "the adapters moved the logits by only " + moved);
        }
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void noAdaptersOrScaleZeroLeaveTheLogitsExactlyAsTheyWere() {
        try (Model base = Model.load(SharedFixtures.model("llama-s7-q4_0.gguf"))) {
            float[] plain = base.newSession(team, 32, KvCacheType.F32).evaluateAll(tokens);
            float[] none = base.withAdapters(List.of()).newSession(team, 32, KvCacheType.F32).evaluateAll(tokens);
            ScaledLora off = LoraAdapter.read(LoraTestAdapters.resource(LoraTestAdapters.LLAMA_R8_F32)).scaled(0f);
            float[] zero = base.withAdapters(List.of(off)).newSession(team, 32, KvCacheType.F32).evaluateAll(tokens);
            assertArrayEquals(plain, none);
            assertArrayEquals(plain, zero);
        }
    }
}
