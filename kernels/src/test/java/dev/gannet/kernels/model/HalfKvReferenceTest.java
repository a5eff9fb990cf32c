package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default, half-precision KV cache against llama.cpp run with its default F16 cache
 * (src/test/resources/reference/kv-f16, made by scripts/kv_f16_reference.py), prefill and decode.
 * The bands are wider than the F32 cache's 1e-4: llama.cpp also rounds the queries and the softmax
 * weights to F16 when it multiplies them with an F16 cache, and Gannet keeps those in float; a value
 * rounded to F16 moves by up to 2^-11 of itself, and two engines whose K or V differ in the last
 * float bit can round it to neighbouring F16 values. For scale: llama.cpp with an F16 cache differs
 * from llama.cpp with an F32 cache by up to 0.0059 (mean 0.0007) on these float models; Gannet's
 * F16 cache measured up to 0.0057 (mean 0.0008, gemma3) from llama.cpp's F16 cache.
 */
class HalfKvReferenceTest {
    private static final Path REFERENCES = Path.of("src/test/resources/reference/kv-f16");
    private static ThreadTeam team;

    @BeforeAll
    static void startTeam() {
        team = new ThreadTeam(2);
    }

    @AfterAll
    static void stopTeam() {
        team.close();
    }

    static Stream<String> models() throws IOException {
        try (Stream<Path> files = Files.list(REFERENCES)) {
            return files.map(p -> p.getFileName().toString().replace(".seqA.f32", "")).sorted().toList().stream();
        }
    }

    private static Path model(String name) {
        Path shared = SharedFixtures.root().resolve("fixtures/models/" + name + ".gguf");
        return Files.exists(shared) ? shared : Path.of("src/test/resources/reference/models/" + name + ".gguf");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void matchesLlamaCppWithItsDefaultCache(String name) throws IOException {
        int[] tokens = ReferenceLogits.readTokens(SharedFixtures.reference("seqA.txt"));
        float[] reference = ReferenceLogits.read(REFERENCES.resolve(name + ".seqA.f32"));
        try (Model model = Model.load(model(name))) {
            int vocab = model.config().vocabularySize();
            float[] prefill = model.newSession(team, 128).evaluateAll(tokens);
            InferenceSession decode = model.newSession(team, 128);
            assertTrue(decode.kvType() == KvCacheType.F16, "the default cache is F16");
            float[] stepwise = new float[tokens.length * vocab];
            for (int i = 0; i < tokens.length; i++) {
                System.arraycopy(decode.evaluate(tokens, i, 1), 0, stepwise, i * vocab, vocab);
            }
            ReferenceLogits.Band limit = limitFor(name);
            ReferenceLogits.Band batched = ReferenceLogits.Band.measure(prefill, reference, vocab);
            ReferenceLogits.Band single = ReferenceLogits.Band.measure(stepwise, reference, vocab);
            System.out.println("| " + name + " | " + batched + " | " + single + " |");
            assertTrue(batched.within(limit), name + " prefill: " + batched + ", allowed " + limit);
            assertTrue(single.within(limit), name + " decode: " + single + ", allowed " + limit);
        }
    }

    static ReferenceLogits.Band limitFor(String name) {
        if (name.endsWith("-f32") || name.endsWith("-f16")) {
            return new ReferenceLogits.Band(1e-2, 1e-3, 1.0);
        }
        return ReferenceLogitsTest.limitFor(name);
    }
}
