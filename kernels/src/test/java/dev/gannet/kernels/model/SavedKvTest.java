package dev.gannet.kernels.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gannet.kernels.testing.SharedFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A KV cache written by one session and read by another is the same state, bit for bit (written out
 * again, it gives the same bytes), across the cache's growth boundary (the transposed keys are laid
 * out by the allocated width, which differs between the two); and the next tokens get the logits the
 * first session gives them. Those are compared within 1e-4: the same arithmetic can round
 * differently before and after C2 compiles a method (its vector reductions add lanes in another
 * order than the Vector API's Java fallback), and which of the two runs first is up to the JIT.
 */
class SavedKvTest {
    private static final float TOLERANCE = 1e-4f;

    @ParameterizedTest
    @ValueSource(strings = {"llama-s7-q8_0.gguf", "gemma-s7-q4_k_m-mix.gguf", "qwen2-s7-f32.gguf"})
    void aRestoredCacheContinuesExactlyAsTheOriginal(String name) throws IOException {
        try (Model model = Model.load(SharedFixtures.model(name)); ThreadTeam team = new ThreadTeam(2)) {
            int vocab = model.config().vocabularySize();
            int[] prompt = tokens(300, vocab, 1);
            int[] next = tokens(5, vocab, 7);

            // 400 and 512 positions: the caches grow to different widths, so the key rows are laid out apart.
            InferenceSession original = model.newSession(team, 400);
            original.evaluate(prompt);
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            original.writeKv(prompt.length, Channels.newChannel(saved));
            assertEquals(original.kvBytes(prompt.length), saved.size());
            float[] expected = original.evaluateAll(next);

            InferenceSession restored = model.newSession(team, 512);
            restored.readKv(prompt.length, Channels.newChannel(new ByteArrayInputStream(saved.toByteArray())));
            assertEquals(prompt.length, restored.position());
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            restored.writeKv(prompt.length, Channels.newChannel(again));
            assertArrayEquals(saved.toByteArray(), again.toByteArray());
            assertArrayEquals(expected, restored.evaluateAll(next), TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100})
    void aPrefixOfTheSavedPositionsRestoresThatPrefix(int keep) throws IOException {
        try (Model model = Model.load(SharedFixtures.model("llama-s7-q8_0.gguf")); ThreadTeam team = new ThreadTeam(1)) {
            int vocab = model.config().vocabularySize();
            int[] prompt = tokens(120, vocab, 3);
            InferenceSession original = model.newSession(team, 256);
            original.evaluate(prompt);
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            original.writeKv(prompt.length, Channels.newChannel(saved));

            InferenceSession restored = model.newSession(team, 256);
            restored.readKv(prompt.length, Channels.newChannel(new ByteArrayInputStream(saved.toByteArray())));
            restored.rewind(keep);
            original.rewind(keep);
            int[] next = tokens(4, vocab, 11);
            assertArrayEquals(original.evaluateAll(next), restored.evaluateAll(next), TOLERANCE);
        }
    }

    @Test
    void aTruncatedFileLeavesAnEmptySession() throws IOException {
        try (Model model = Model.load(SharedFixtures.model("llama-s7-q8_0.gguf")); ThreadTeam team = new ThreadTeam(1)) {
            int[] prompt = tokens(40, model.config().vocabularySize(), 5);
            InferenceSession original = model.newSession(team, 64);
            original.evaluate(prompt);
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            original.writeKv(prompt.length, Channels.newChannel(saved));
            byte[] cut = Arrays.copyOf(saved.toByteArray(), saved.size() / 2);

            InferenceSession restored = model.newSession(team, 64);
            restored.evaluate(tokens(3, model.config().vocabularySize(), 9));
            assertThrows(EOFException.class,
                    () -> restored.readKv(prompt.length, Channels.newChannel(new ByteArrayInputStream(cut))));
            assertEquals(0, restored.position());
            assertThrows(IllegalArgumentException.class, () -> original.writeKv(41, Channels.newChannel(saved)));
            assertThrows(IllegalArgumentException.class,
                    () -> restored.readKv(65, Channels.newChannel(new ByteArrayInputStream(new byte[0]))));
        }
    }

    /** Token ids spread over the vocabulary, repeatable. */
    private static int[] tokens(int count, int vocab, int seed) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = (int) ((i * 2654435761L + seed * 40503L) % vocab);
        }
        return ids;
    }
}
