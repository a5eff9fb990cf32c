package dev.gannet.bench.speed;

import dev.gannet.kernels.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The prompt of a speed run: either a fixed English text, repeated and tokenized by the model's
 * own tokenizer (with its BOS), cut to the length asked for; or token ids read from a file, so that
 * another engine can be given exactly the same ones.
 */
public final class PromptTokens {
    /** Plain prose, ordinary words and punctuation: what a tokenizer sees most. */
    static final String TEXT = """
            The northern gannet is the largest seabird of the North Atlantic. It nests in dense colonies \
            on cliffs and rocky islands, where each pair defends a small patch of ground about as wide as \
            the reach of its neck. Gannets hunt by flying high over the water, folding their wings when \
            they see a shoal, and diving at great speed to seize fish below the surface. Air sacs under \
            the skin of the face and chest soften the impact. A young bird leaves the nest before it can \
            fly well, swims away from the colony and lives on its fat for some weeks while it learns to \
            fish. Adults return to the same colony, and often to the same mate, year after year. \
            """;

    private PromptTokens() {
    }

    /** {@code count} tokens of the repeated text, starting with the BOS token if the model adds one. */
    public static int[] fromText(Tokenizer tokenizer, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a prompt needs at least one token, not " + count);
        }
        StringBuilder text = new StringBuilder(TEXT);
        while (true) {
            int[] ids = tokenizer.encode(text.toString(), true, false);
            if (ids.length >= count) {
                return Arrays.copyOf(ids, count);
            }
            if (text.length() > 64 * (long) count + TEXT.length() * 4L) {
                throw new IllegalStateException("the tokenizer turns the benchmark text into too few tokens");
            }
            text.append(TEXT);
        }
    }

    /** Token ids from a file, separated by spaces, commas or line breaks (a JSON array will do). */
    public static int[] read(Path file) throws IOException {
        String text = Files.readString(file).replace('[', ' ').replace(']', ' ').trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(file + ": no token ids");
        }
        String[] parts = text.split("[\\s,]+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": '" + parts[i] + "' is not a token id");
            }
            if (ids[i] < 0) {
                throw new IllegalArgumentException(file + ": token id " + ids[i] + " is negative");
            }
        }
        return ids;
    }
}
