package dev.gannet.kernels.tokenizer;

import dev.gannet.kernels.gguf.GgufMetadata;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Works out a vocabulary's special tokens the way llama.cpp does: ids from the metadata where
 * present, defaults of the tokenizer model otherwise, then the tokens converters forget to declare
 * (end of turn, end of message, fill-in-the-middle padding) found by their text. Tokens found that way
 * become control tokens, so they are neither split out of plain text nor printed by default.
 */
final class SpecialTokenResolver {
    static final String BOS_KEY = "tokenizer.ggml.bos_token_id";
    static final String EOS_KEY = "tokenizer.ggml.eos_token_id";
    static final String EOT_KEY = "tokenizer.ggml.eot_token_id";
    static final String EOM_KEY = "tokenizer.ggml.eom_token_id";
    static final String UNKNOWN_KEY = "tokenizer.ggml.unknown_token_id";
    static final String SEPARATOR_KEY = "tokenizer.ggml.seperator_token_id";
    static final String PADDING_KEY = "tokenizer.ggml.padding_token_id";
    static final String FIM_PAD_KEY = "tokenizer.ggml.fim_pad_token_id";
    static final String FIM_REPO_KEY = "tokenizer.ggml.fim_rep_token_id";
    static final String FIM_FILE_SEPARATOR_KEY = "tokenizer.ggml.fim_sep_token_id";
    static final String ADD_BOS_KEY = "tokenizer.ggml.add_bos_token";
    static final String ADD_EOS_KEY = "tokenizer.ggml.add_eos_token";

    /** Texts of end-of-turn tokens, in the order a match is preferred when several exist. */
    private static final List<String> END_OF_TURN_TEXTS = List.of(
            "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<|end_of_text|>",
            "<EOT>", "_<EOT>", "[EOT]", "<｜end▁of▁sentence｜>", "<end_of_utterance>");
    private static final List<String> END_OF_MESSAGE_TEXTS = List.of("<|eom_id|>");
    private static final List<String> FIM_PAD_TEXTS = List.of("<|fim_pad|>", "<fim-pad>", "<fim_pad>", "<PAD>", "[PAD]");
    private static final List<String> FIM_REPO_TEXTS = List.of("<|fim_repo|>", "<|repo_name|>", "<fim-repo>", "<REPO>", "<reponame>");
    private static final List<String> FIM_FILE_SEPARATOR_TEXTS = List.of("<|file_sep|>");

    /** Texts of tokens that end generation whatever the metadata says (llama.cpp's list). */
    private static final List<String> END_OF_GENERATION_TEXTS = List.of(
            "<|eot_id|>", "<|im_end|>", "<|end|>", "<|return|>", "<|call|>", "<|flush|>", "<|calls|>",
            "<end_of_turn>", "<|endoftext|>", "</s>", "<|eom_id|>", "<EOT>", "_<EOT>", "[EOT]", "[EOS]",
            "<|end_of_text|>", "<end_of_utterance>", "<eos>", "<turn|>", "<|tool_response>",
            "<｜end▁of▁sentence｜>", "[e~[");

    /** gpt-oss channel markers: control tokens in the file, but its output must show them. */
    private static final List<String> ALWAYS_RENDERED_TEXTS = List.of("<|channel|>", "<|message|>", "<|start|>", "<|constrain|>");

    /** What a tokenizer model assumes when the metadata is silent. */
    record Defaults(int bos, int eos, int unknown, boolean addBos, boolean addEos) {
    }

    private SpecialTokenResolver() {
    }

    /** Resolves the special tokens; may add attribute bits to tokens of {@code vocabulary}. */
    static SpecialTokens resolve(GgufMetadata metadata, Vocabulary vocabulary, Defaults defaults) {
        int bos = idOrDefault(metadata, vocabulary, BOS_KEY, defaults.bos());
        int eos = idOrDefault(metadata, vocabulary, EOS_KEY, defaults.eos());
        int unknown = idOrDefault(metadata, vocabulary, UNKNOWN_KEY, defaults.unknown());
        int padding = idOrDefault(metadata, vocabulary, PADDING_KEY, SpecialTokens.NONE);
        int separator = idOrDefault(metadata, vocabulary, SEPARATOR_KEY, SpecialTokens.NONE);
        boolean addBos = metadata.findBoolean(ADD_BOS_KEY).orElse(defaults.addBos());
        boolean addEos = metadata.findBoolean(ADD_EOS_KEY).orElse(defaults.addEos());
        if (addBos && bos == SpecialTokens.NONE) {
            throw new TokenizerException(vocabulary.source(), ADD_BOS_KEY + " is true, but " + BOS_KEY + " is not set");
        }
        if (addEos && eos == SpecialTokens.NONE) {
            throw new TokenizerException(vocabulary.source(), ADD_EOS_KEY + " is true, but " + EOS_KEY + " is not set");
        }

        // Tokens converters often leave undeclared: found by text, and made control tokens.
        int eot = declaredOrFound(metadata, vocabulary, EOT_KEY, END_OF_TURN_TEXTS);
        int eom = declaredOrFound(metadata, vocabulary, EOM_KEY, END_OF_MESSAGE_TEXTS);
        int fimPad = declaredOrFound(metadata, vocabulary, FIM_PAD_KEY, FIM_PAD_TEXTS);
        int fimRepo = declaredOrFound(metadata, vocabulary, FIM_REPO_KEY, FIM_REPO_TEXTS);
        int fimFileSeparator = declaredOrFound(metadata, vocabulary, FIM_FILE_SEPARATOR_KEY, FIM_FILE_SEPARATOR_TEXTS);

        markUnusedControlTokens(vocabulary);
        TreeSet<Integer> endOfGeneration = endOfGeneration(vocabulary, eos, eot, eom, fimPad, fimRepo, fimFileSeparator);
        for (String text : ALWAYS_RENDERED_TEXTS) {
            int id = vocabulary.id(text);
            if (id != SpecialTokens.NONE) {
                vocabulary.setAttributes(id, TokenAttributes.USER_DEFINED);
            }
        }
        applyEndOfGenerationWorkarounds(vocabulary, endOfGeneration);
        return new SpecialTokens(bos, eos, eot, eom, unknown, padding, separator, addBos, addEos,
                List.copyOf(endOfGeneration));
    }

    /** The id under {@code key} if it is inside the vocabulary; otherwise the default, if inside. */
    private static int idOrDefault(GgufMetadata metadata, Vocabulary vocabulary, String key, int fallback) {
        Optional<Long> declared = metadata.findLong(key);
        if (declared.isPresent() && declared.get() >= 0 && declared.get() < vocabulary.size()) {
            return declared.get().intValue();
        }
        // llama.cpp keeps the default when the declared id is out of range, and drops a default that is.
        return vocabulary.contains(fallback) ? fallback : SpecialTokens.NONE;
    }

    private static int declaredOrFound(GgufMetadata metadata, Vocabulary vocabulary, String key, List<String> texts) {
        int declared = idOrDefault(metadata, vocabulary, key, SpecialTokens.NONE);
        if (declared != SpecialTokens.NONE) {
            return declared;
        }
        for (String text : texts) {
            int id = vocabulary.id(text);
            if (id != SpecialTokens.NONE) {
                vocabulary.addAttributes(id, TokenAttributes.CONTROL);
                return id;
            }
        }
        return SpecialTokens.NONE;
    }

    /** Control tokens named "unused" are placeholders: they neither split text nor decode. */
    private static void markUnusedControlTokens(Vocabulary vocabulary) {
        for (int id = 0; id < vocabulary.size(); id++) {
            if (vocabulary.has(id, TokenAttributes.CONTROL) && vocabulary.text(id).contains("unused")) {
                vocabulary.addAttributes(id, TokenAttributes.UNUSED);
            }
        }
    }

    private static TreeSet<Integer> endOfGeneration(Vocabulary vocabulary, int... declared) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (String text : END_OF_GENERATION_TEXTS) {
            int id = vocabulary.id(text);
            if (id != SpecialTokens.NONE) {
                ids.add(id);
                vocabulary.addAttributes(id, TokenAttributes.CONTROL);
            }
        }
        for (int id : declared) {
            if (id != SpecialTokens.NONE) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Two vocabularies where a listed text does not end generation: o200k_harmony (gpt-oss) and
     * solar-open, whose {@code <|end|>} only closes a message when {@code <|return|>}/{@code <|call|>}
     * (or {@code <|calls|>}/{@code <|flush|>}) exist; and Gemma 4, whose {@code </s>} is plain text.
     */
    private static void applyEndOfGenerationWorkarounds(Vocabulary vocabulary, TreeSet<Integer> endOfGeneration) {
        int end = listed(vocabulary, endOfGeneration, "<|end|>");
        boolean hasCall = listed(vocabulary, endOfGeneration, "<|call|>") != SpecialTokens.NONE
                || listed(vocabulary, endOfGeneration, "<|calls|>") != SpecialTokens.NONE;
        boolean hasReturn = listed(vocabulary, endOfGeneration, "<|return|>") != SpecialTokens.NONE;
        boolean hasFlush = listed(vocabulary, endOfGeneration, "<|flush|>") != SpecialTokens.NONE;
        if (end != SpecialTokens.NONE && hasCall && (hasReturn || hasFlush)) {
            endOfGeneration.remove(end);
            vocabulary.setAttributes(end, TokenAttributes.USER_DEFINED);
        }
        int closingS = listed(vocabulary, endOfGeneration, "</s>");
        if (closingS != SpecialTokens.NONE && listed(vocabulary, endOfGeneration, "<|tool_response>") != SpecialTokens.NONE) {
            endOfGeneration.remove(closingS);
            vocabulary.setAttributes(closingS, TokenAttributes.NORMAL);
        }
    }

    private static int listed(Vocabulary vocabulary, TreeSet<Integer> ids, String text) {
        int id = vocabulary.id(text);
        return id != SpecialTokens.NONE && ids.contains(id) ? id : SpecialTokens.NONE;
    }
}
