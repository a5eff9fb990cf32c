package dev.gannet.kernels.gguf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gannet.kernels.arch.UnsupportedArchitectureException;
import dev.gannet.kernels.model.InferenceSession;
import dev.gannet.kernels.model.Model;
import dev.gannet.kernels.model.ThreadTeam;
import dev.gannet.kernels.testing.SharedFixtures;
import dev.gannet.kernels.tokenizer.TokenizerException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mutation fuzzing of the loader: thousands of fixture files with bytes flipped, fields overwritten
 * with extreme values, chunks cut, inserted or duplicated. Every one must either load as a model
 * (and then evaluate a token without failing) or be rejected with one of the typed, user-facing
 * exceptions — never an index error, a NullPointerException, an OutOfMemoryError, or a hang.
 * The seed is fixed so a failure reproduces; GANNET_FUZZ_SEED picks another.
 */
class GgufMutationFuzzTest {
    private static final String[] FIXTURES = {
            "llama-s7-q4_0.gguf", "qwen2-s7-q4_k_m-mix.gguf", "phi3-s7-q4_k_m-mix.gguf", "gemma-s7-q4_k_m-mix.gguf"};
    private static final int MUTANTS_PER_FIXTURE = 1000;

    @Test
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyMutantLoadsOrIsRejectedCleanly() throws IOException {
        long seed = Long.parseLong(System.getenv().getOrDefault("GANNET_FUZZ_SEED", "20261122"));
        SplittableRandom random = new SplittableRandom(seed);
        int loaded = 0;
        int rejected = 0;
        try (ThreadTeam team = new ThreadTeam(1)) {
            for (String fixture : FIXTURES) {
                byte[] original = Files.readAllBytes(SharedFixtures.model(fixture));
                int headerEnd = (int) GgufReader.read(MemorySegment.ofArray(original), fixture).dataStart();
                for (int i = 0; i < MUTANTS_PER_FIXTURE; i++) {
                    byte[] mutant = mutate(original, headerEnd, random);
                    String label = fixture + " mutant " + i + " (seed " + seed + ")";
                    Outcome outcome = assertTimeout(() -> tryLoad(mutant, team, label), label);
                    if (outcome == Outcome.LOADED) {
                        loaded++;
                    } else {
                        rejected++;
                    }
                }
            }
        }
        // Both outcomes must occur, or the mutations are not reaching the parser.
        assertTrue(loaded > 0 && rejected > 0, "loaded " + loaded + ", rejected " + rejected);
    }

    private enum Outcome { LOADED, REJECTED }

    private static Outcome tryLoad(byte[] bytes, ThreadTeam team, String label) {
        try {
            GgufFile file = GgufReader.read(MemorySegment.ofArray(bytes), label);
            try (Model model = Model.from(file)) {
                InferenceSession session = model.newSession(team, 8);
                session.evaluate(new int[] {Math.min(1, model.config().vocabularySize() - 1)});
                return Outcome.LOADED;
            }
        } catch (GgufFormatException | UnsupportedArchitectureException | TokenizerException e) {
            String message = e.getMessage();
            if (message == null || message.isBlank() || message.lines().count() != 1) {
                fail(label + ": rejection message is not one line: " + message);
            }
            return Outcome.REJECTED;
        } catch (Throwable e) {
            throw new AssertionError(label + ": unclean failure " + e, e);
        }
    }

    private static Outcome assertTimeout(java.util.function.Supplier<Outcome> body, String label) {
        long start = System.nanoTime();
        Outcome outcome = body.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.toSeconds() < 5, label + " took " + took);
        return outcome;
    }

    /** One or a few mutations, aimed mostly at the header where the parser reads. */
    static byte[] mutate(byte[] original, int headerEnd, SplittableRandom random) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int limit = random.nextInt(10) < 8 ? Math.min(headerEnd, bytes.length) : bytes.length;
            if (limit <= 8) {
                break;
            }
            int at = random.nextInt(limit);
            switch (random.nextInt(7)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> overwrite(bytes, at, extremeValue(random));
                case 3 -> bytes = Arrays.copyOf(bytes, at);
                case 4 -> bytes = insert(bytes, at, random.nextInt(1, 16), random);
                case 5 -> bytes = delete(bytes, at, random.nextInt(1, 16));
                default -> {
                    // Copy a chunk of the file over another place (duplicated keys, shifted fields).
                    int from = random.nextInt(limit);
                    int length = Math.min(random.nextInt(1, 64), Math.min(bytes.length - from, bytes.length - at));
                    System.arraycopy(bytes.clone(), from, bytes, at, length);
                }
            }
        }
        return bytes;
    }

    private static long extremeValue(SplittableRandom random) {
        long[] values = {0, 1, -1, 0x7fffffffL, 0xffffffffL, 0x80000000L, Long.MAX_VALUE, Long.MIN_VALUE,
                1L << 32, 1L << 40, 255, 256, 65535, 31, 33};
        return values[random.nextInt(values.length)];
    }

    private static void overwrite(byte[] bytes, int at, long value) {
        for (int i = 0; i < 8 && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private static byte[] insert(byte[] bytes, int at, int count, SplittableRandom random) {
        byte[] out = new byte[bytes.length + count];
        System.arraycopy(bytes, 0, out, 0, at);
        for (int i = 0; i < count; i++) {
            out[at + i] = (byte) random.nextInt(256);
        }
        System.arraycopy(bytes, at, out, at + count, bytes.length - at);
        return out;
    }

    private static byte[] delete(byte[] bytes, int at, int count) {
        int n = Math.min(count, bytes.length - at);
        byte[] out = new byte[bytes.length - n];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + n, out, at, bytes.length - at - n);
        return out;
    }
}
