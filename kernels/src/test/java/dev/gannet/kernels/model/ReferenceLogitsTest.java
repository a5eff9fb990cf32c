package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.kernels.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture model against llama.cpp's logits for the same 64 tokens, within the bands of
 * ../shared/fixtures/reference/README.md: once as one batched prefill, once token by token, and the
 * two must agree with each other too. The qwen3 and gemma3 references were made the same way
 * (src/test/resources/reference/README.md). The measured bands go to target/reference-bands.md.
 */
class ReferenceLogitsTest {
    private static final Path OWN_REFERENCES = Path.of("src/test/resources/reference");
    private static final List<String> MEASURED = new ArrayList<>();
    private static ThreadTeam team;

    @BeforeAll
    static void startTeam() {
        team = new ThreadTeam(2);
    }

    @AfterAll
    static void report() throws IOException {
        team.close();
        Path report = Path.of("target/reference-bands.md");
        Files.createDirectories(report.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("| model | prefill (batched) | decode (one token at a time) |");
        lines.add("|---|---|---|");
        lines.addAll(MEASURED.stream().sorted().toList());
        Files.write(report, lines, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    record Case(String name, Path model, Path logits) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> fixtures() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> shared = Files.list(SharedFixtures.root().resolve("fixtures/models"))) {
            shared.sorted().forEach(model -> {
                String name = model.getFileName().toString().replace(".gguf", "");
                cases.add(new Case(name, model, SharedFixtures.reference("logits/" + name + ".seqA.f32")));
            });
        }
        Path own = OWN_REFERENCES.resolve("models");
        if (Files.isDirectory(own)) {
            try (Stream<Path> models = Files.list(own)) {
                models.filter(p -> p.toString().endsWith(".gguf")).sorted().forEach(model -> {
                    String name = model.getFileName().toString().replace(".gguf", "");
                    cases.add(new Case(name, model, OWN_REFERENCES.resolve("logits/" + name + ".seqA.f32")));
                });
            }
        }
        return cases.stream();
    }

    /** The bands of the reference README, by weight type. */
    static ReferenceLogits.Band limitFor(String name) {
        if (name.endsWith("-f32") || name.endsWith("-f16")) {
            // llama.cpp computes GELU through an fp16 table, so Gemma's band is wider.
            return name.startsWith("gemma") ? new ReferenceLogits.Band(4e-3, 1e-4, 1.0)
                    : new ReferenceLogits.Band(1e-4, 1e-4, 1.0);
        }
        if (name.endsWith("-bf16")) {
            return new ReferenceLogits.Band(0.06, 0.01, 0.95);
        }
        return new ReferenceLogits.Band(0.3, 0.04, 0.89);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesLlamaCpp(Case fixture) throws IOException {
        int[] tokens = ReferenceLogits.readTokens(SharedFixtures.reference("seqA.txt"));
        float[] reference = ReferenceLogits.read(fixture.logits());
        try (Model model = Model.load(fixture.model())) {
            int vocab = model.config().vocabularySize();
            float[] prefill = model.newSession(team, 128, KvCacheType.F32).evaluateAll(tokens);

            InferenceSession decode = model.newSession(team, 128, KvCacheType.F32);
            float[] stepwise = new float[tokens.length * vocab];
            for (int i = 0; i < tokens.length; i++) {
                float[] logits = decode.evaluate(tokens, i, 1);
                System.arraycopy(logits, 0, stepwise, i * vocab, vocab);
            }

            ReferenceLogits.Band limit = limitFor(fixture.name());
            ReferenceLogits.Band batched = ReferenceLogits.Band.measure(prefill, reference, vocab);
            ReferenceLogits.Band single = ReferenceLogits.Band.measure(stepwise, reference, vocab);
            synchronized (MEASURED) {
                MEASURED.add("| " + fixture.name() + " | " + batched + " | " + single + " |");
            }
            assertTrue(batched.within(limit), fixture.name() + " prefill: " + batched + ", allowed " + limit);
            assertTrue(single.within(limit), fixture.name() + " decode: " + single + ", allowed " + limit);
            // Batched and one-at-a-time evaluation differ only in the order of float additions. Gemma's
            // GELU rounds to FP16 as llama.cpp's does, which can turn a last-bit difference into one
            // FP16 step, so its tolerance is wider.
            float tolerance = fixture.name().startsWith("gemma") ? 2e-3f : 1e-4f;
            assertArrayEquals(prefill, stepwise, tolerance, "prefill and decode disagree");
        }
    }
}
