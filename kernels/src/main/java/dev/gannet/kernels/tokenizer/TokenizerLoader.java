package dev.gannet.kernels.tokenizer;

import dev.gannet.kernels.gguf.GgufFormatException;
import dev.gannet.kernels.gguf.GgufMetadata;

/**
 * Builds a tokenizer from GGUF metadata in a fixed order: tokenizer model, vocabulary, special
 * tokens (which may mark more tokens as control), then the tokenizer itself, whose special-token
 * splitter must see the final token attributes.
 */
final class TokenizerLoader {
    static final String MODEL_KEY = "tokenizer.ggml.model";
    static final String PRE_KEY = "tokenizer.ggml.pre";
    static final String MERGES_KEY = "tokenizer.ggml.merges";
    static final String ADD_SPACE_PREFIX_KEY = "tokenizer.ggml.add_space_prefix";

    private TokenizerLoader() {
    }

    static Tokenizer load(GgufMetadata metadata) {
        String source = metadata.source();
        String model = metadata.findString(MODEL_KEY).orElseThrow(() -> new TokenizerException(source,
                "metadata key '" + MODEL_KEY + "' is missing: the file does not say how to tokenize"));
        return switch (model) {
            case "llama" -> sentencePiece(metadata);
            case "gpt2" -> bytePair(metadata);
            case "bert" -> throw unsupported(source, model, "WordPiece");
            case "t5" -> throw unsupported(source, model, "Unigram");
            case "rwkv" -> throw unsupported(source, model, "RWKV trie");
            case "plamo2", "gemma4", "hybriddna", "whitespace" -> throw unsupported(source, model, model);
            case "no_vocab", "none" -> throw new TokenizerException(source, "the file has no vocabulary ("
                    + MODEL_KEY + " = '" + model + "')");
            default -> throw new TokenizerException(source, "unknown tokenizer model " + GgufFormatException.quote(model) + " (" + MODEL_KEY + ")");
        };
    }

    /** SentencePiece: llama.cpp's defaults are BOS 1, EOS 2, unknown 0, BOS added, space prefix added. */
    private static Tokenizer sentencePiece(GgufMetadata metadata) {
        Vocabulary vocabulary = Vocabulary.fromGguf(metadata);
        SpecialTokens specials = SpecialTokenResolver.resolve(metadata, vocabulary,
                new SpecialTokenResolver.Defaults(1, 2, 0, true, false));
        boolean addSpacePrefix = metadata.findBoolean(ADD_SPACE_PREFIX_KEY).orElse(true);
        return new SentencePieceTokenizer(vocabulary, specials, addSpacePrefix);
    }

    /**
     * Byte-level BPE: no default special ids (llama.cpp's default of 11 is a Falcon relic that would
     * make ',' end generation in other vocabularies); BOS added only where the pre-tokenizer's model
     * family expects it.
     */
    private static Tokenizer bytePair(GgufMetadata metadata) {
        String source = metadata.source();
        PreTokenizer preTokenizer = PreTokenizerTable.forName(metadata.findString(PRE_KEY).orElse(""), source);
        String[] merges = metadata.findStringArray(MERGES_KEY).orElseThrow(() -> new TokenizerException(source,
                "metadata key '" + MERGES_KEY + "' is missing: a BPE vocabulary needs its merges"));
        Vocabulary vocabulary = Vocabulary.fromGguf(metadata);
        SpecialTokens specials = SpecialTokenResolver.resolve(metadata, vocabulary,
                new SpecialTokenResolver.Defaults(SpecialTokens.NONE, SpecialTokens.NONE, SpecialTokens.NONE,
                        preTokenizer.addBos(), false));
        return new BytePairTokenizer(vocabulary, specials, preTokenizer, merges);
    }

    private static TokenizerException unsupported(String source, String model, String kind) {
        return new TokenizerException(source, "tokenizer model " + GgufFormatException.quote(model) + " (" + kind + ", " + MODEL_KEY
                + ") is not supported by Gannet; supported: 'llama' (SentencePiece) and 'gpt2' (byte-level BPE)");
    }
}
