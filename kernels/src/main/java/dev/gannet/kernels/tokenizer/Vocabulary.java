package dev.gannet.kernels.tokenizer;

import dev.gannet.kernels.gguf.GgufFormatException;
import dev.gannet.kernels.gguf.GgufArray;
import dev.gannet.kernels.gguf.GgufMetadata;
import java.util.HashMap;
import java.util.Map;

/**
 * The tokens of a model: text, score and attributes per id, and the reverse map from text to id.
 * Built from {@code tokenizer.ggml.tokens}, {@code tokenizer.ggml.scores} (optional, float32 or
 * int32) and {@code tokenizer.ggml.token_type} (optional; without it every token is normal).
 *
 * <p>Attributes may still gain bits while the tokenizer is being built (see
 * {@link SpecialTokenResolver}); after that the vocabulary is only read.
 */
final class Vocabulary {
    static final String TOKENS_KEY = "tokenizer.ggml.tokens";
    static final String SCORES_KEY = "tokenizer.ggml.scores";
    static final String TOKEN_TYPE_KEY = "tokenizer.ggml.token_type";

    private final String source;
    private final String[] texts;      // [vocab]
    private final float[] scores;      // [vocab]
    private final int[] attributes;    // [vocab] TokenAttributes bits
    private final Map<String, Integer> idsByText;

    private Vocabulary(String source, String[] texts, float[] scores, int[] attributes, Map<String, Integer> idsByText) {
        this.source = source;
        this.texts = texts;
        this.scores = scores;
        this.attributes = attributes;
        this.idsByText = idsByText;
    }

    static Vocabulary fromGguf(GgufMetadata metadata) {
        String source = metadata.source();
        String[] texts = metadata.findStringArray(TOKENS_KEY)
                .orElseThrow(() -> new TokenizerException(source, "metadata key '" + TOKENS_KEY
                        + "' is missing: the file holds no vocabulary"))
                .clone();
        int n = texts.length;
        float[] scores = readScores(metadata, n);
        int[] attributes = readAttributes(metadata, n);

        Map<String, Integer> idsByText = HashMap.newHashMap(n);
        for (int id = 0; id < n; id++) {
            if (texts[id].isEmpty()) {
                // llama.cpp gives empty tokens a placeholder name so that every text stays unique.
                texts[id] = "[EMPTY_" + id + "]";
            }
            Integer previous = idsByText.putIfAbsent(texts[id], id);
            if (previous != null) {
                throw new TokenizerException(source, "duplicate token in vocabulary: " + GgufFormatException.quote(texts[id])
                        + " has ids " + previous + " and " + id);
            }
        }
        return new Vocabulary(source, texts, scores, attributes, idsByText);
    }

    private static float[] readScores(GgufMetadata metadata, int n) {
        float[] scores = new float[n];
        GgufArray array = metadata.findArray(SCORES_KEY).orElse(null);
        if (array == null) {
            return scores;
        }
        switch (array.values()) {
            case float[] floats when floats.length >= n -> System.arraycopy(floats, 0, scores, 0, n);
            case int[] ints when ints.length >= n -> {
                for (int i = 0; i < n; i++) {
                    scores[i] = ints[i];
                }
            }
            default -> throw new TokenizerException(metadata.source(), "metadata key '" + SCORES_KEY
                    + "' should hold " + n + " float32 or int32 scores, but is " + array);
        }
        return scores;
    }

    private static int[] readAttributes(GgufMetadata metadata, int n) {
        int[] attributes = new int[n];
        int[] types = metadata.findIntArray(TOKEN_TYPE_KEY).orElse(null);
        if (types == null) {
            java.util.Arrays.fill(attributes, TokenAttributes.NORMAL);
            return attributes;
        }
        if (types.length < n) {
            throw new TokenizerException(metadata.source(), "metadata key '" + TOKEN_TYPE_KEY + "' holds "
                    + types.length + " types for " + n + " tokens");
        }
        for (int i = 0; i < n; i++) {
            attributes[i] = TokenAttributes.fromGgufType(types[i]);
        }
        return attributes;
    }

    /** The file (or other source) the vocabulary came from, for error messages. */
    String source() {
        return source;
    }

    int size() {
        return texts.length;
    }

    boolean contains(int id) {
        return id >= 0 && id < texts.length;
    }

    String text(int id) {
        return texts[id];
    }

    float score(int id) {
        return scores[id];
    }

    int attributes(int id) {
        return attributes[id];
    }

    boolean has(int id, int attribute) {
        return (attributes[id] & attribute) != 0;
    }

    void addAttributes(int id, int attribute) {
        attributes[id] |= attribute;
    }

    void setAttributes(int id, int attribute) {
        attributes[id] = attribute;
    }

    /** The id of a token text, or {@link SpecialTokens#NONE}. */
    int id(String text) {
        Integer id = idsByText.get(text);
        return id == null ? SpecialTokens.NONE : id;
    }
}
