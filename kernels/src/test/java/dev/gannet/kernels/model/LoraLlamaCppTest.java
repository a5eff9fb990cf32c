package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.lora.LoraAdapter;
import dev.gannet.kernels.lora.LoraTestAdapters;
import dev.gannet.kernels.lora.ScaledLora;
import dev.gannet.kernels.testing.SharedFixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adapters applied at run time against llama.cpp running the same base and the same adapter files
 * (scripts/lora_reference.py; the logits are committed next to the adapters), within the bands of
 * the fixture references: the F32 band for an F32 base with F32 adapters, the quantized band for a
 * quantized base, where llama.cpp rounds activations to 8 bits (and, for the F16 adapter, to F16).
 *
 * <p>Why no F16 adapter on an F32 base: llama.cpp multiplies an F16 A by activations rounded to
 * F16, which puts it ~6e-4 from the exact result (measured on phi3-s7-f32), outside the F32 band.
 * The references hold 16 positions to keep the resources small.
 */
class LoraLlamaCppTest {
    private static final List<String> MEASURED = new ArrayList<>();
    private static ThreadTeam team;

    @BeforeAll
    static void start() {
        team = new ThreadTeam(2);
    }

    @AfterAll
    static void stop() throws IOException {
        team.close();
        LoraReport.write("target/lora-llama-cpp.md", "| case | prefill (batched) | decode (one token at a time) |", MEASURED);
    }

    /** A base, adapters at their scales, and the logits llama.cpp wrote for them. */
    record Case(String base, List<String> adapters, List<Float> scales, String logits, ReferenceLogits.Band band) {
        @Override
        public String toString() {
            return logits;
        }
    }

    static Stream<Case> cases() {
        ReferenceLogits.Band f32 = new ReferenceLogits.Band(1e-4, 1e-4, 1.0);
        ReferenceLogits.Band quantized = new ReferenceLogits.Band(0.3, 0.04, 0.89);
        return Stream.of(
                new Case("llama-s7-f32.gguf", List.of(LoraTestAdapters.LLAMA_R8_F32), List.of(1f),
                        "llama-s7-f32+r8.seqA16.f32", f32),
                new Case("llama-s7-q8_0.gguf", List.of(LoraTestAdapters.LLAMA_R8_F32, LoraTestAdapters.LLAMA_R4_F16),
                        List.of(0.75f, -1.5f), "llama-s7-q8_0+r8x0.75+r4x-1.5.seqA16.f32", quantized),
                new Case("phi3-s7-f32.gguf", List.of(LoraTestAdapters.PHI3_R8_F32), List.of(1f),
                        "phi3-s7-f32+r8.seqA16.f32", f32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesLlamaCppWithTheSameAdapters(Case c) throws IOException {
        float[] reference = ReferenceLogits.read(LoraTestAdapters.resource(c.logits()));
        List<ScaledLora> adapters = new ArrayList<>();
        for (int i = 0; i < c.adapters().size(); i++) {
            adapters.add(LoraAdapter.read(LoraTestAdapters.resource(c.adapters().get(i))).scaled(c.scales().get(i)));
        }
        try (Model base = Model.load(SharedFixtures.model(c.base()))) {
            Model adapted = base.withAdapters(adapters);
            int vocab = base.config().vocabularySize();
            int[] tokens = Arrays.copyOf(ReferenceLogits.readTokens(SharedFixtures.reference("seqA.txt")),
                    reference.length / vocab);
            float[] prefill = adapted.newSession(team, 32, KvCacheType.F32).evaluateAll(tokens);
            InferenceSession decode = adapted.newSession(team, 32, KvCacheType.F32);
            float[] stepwise = new float[tokens.length * vocab];
            for (int i = 0; i < tokens.length; i++) {
                System.arraycopy(decode.evaluateNext(tokens[i]), 0, stepwise, i * vocab, vocab);
            }
            ReferenceLogits.Band batched = ReferenceLogits.Band.measure(prefill, reference, vocab);
            ReferenceLogits.Band single = ReferenceLogits.Band.measure(stepwise, reference, vocab);
            synchronized (MEASURED) {
                MEASURED.add("| " + c + " | " + batched + " | " + single + " |");
            }
            assertTrue(batched.within(c.band()), c + " prefill: " + batched + ", allowed " + c.band());
            assertTrue(single.within(c.band()), c + " decode: " + single + ", allowed " + c.band());
        }
    }
}
