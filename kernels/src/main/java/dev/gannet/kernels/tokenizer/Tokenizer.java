package dev.gannet.kernels.tokenizer;

import dev.gannet.kernels.gguf.GgufMetadata;

/**
 * Text to token ids and back, for the vocabulary of one model. Implementations are immutable and
 * safe to share between threads; {@link StreamingDecoder}s are not, one per generation.
 *
 * <p>Built from GGUF metadata by {@link #fromGguf}: SentencePiece vocabularies
 * ({@code tokenizer.ggml.model = llama}) and byte-level BPE ones ({@code gpt2}), tokenizing as
 * llama.cpp does.
 */
public interface Tokenizer {

    /**
     * The tokenizer a GGUF file describes.
     *
     * @throws TokenizerException when the tokenizer model or pre-tokenizer is unknown or unsupported,
     *                            or the metadata contradicts itself
     * @throws dev.gannet.kernels.gguf.GgufFormatException when a tokenizer key has the wrong type
     */
    static Tokenizer fromGguf(GgufMetadata metadata) {
        return TokenizerLoader.load(metadata);
    }

    /**
     * The token ids of {@code text}.
     *
     * @param addSpecial   add the BOS/EOS tokens the model asks for ({@link SpecialTokens#addBos()},
     *                     {@link SpecialTokens#addEos()})
     * @param parseSpecial read control tokens written in the text (e.g. {@code <|im_start|>} from a chat
     *                     template) as those tokens; false for text from users, where they stay text.
     *                     User-defined tokens are read either way, as in llama.cpp.
     */
    int[] encode(String text, boolean addSpecial, boolean parseSpecial);

    /**
     * The text of {@code ids}, control tokens left out. Where a SentencePiece encoder put a space in
     * front of the text, the first text token (after a leading BOS) loses it again, so that
     * {@code decode(encode(text, ...)) = text} for text without special tokens.
     */
    default String decode(int[] ids) {
        return decode(ids, false);
    }

    /**
     * The text of {@code ids}. Bytes are gathered first, so characters split over byte tokens come
     * out whole; bytes that never form a valid character become U+FFFD.
     *
     * @param renderSpecial write control and unknown tokens as their text instead of leaving them out
     */
    String decode(int[] ids, boolean renderSpecial);

    /** The bytes one token stands for (control tokens: none). May be a fraction of a UTF-8 character. */
    default byte[] tokenBytes(int id) {
        return tokenBytes(id, false);
    }

    /** The bytes one token stands for, control and unknown tokens as their text if {@code renderSpecial}. */
    byte[] tokenBytes(int id, boolean renderSpecial);

    /** The token as the vocabulary spells it (e.g. {@code ▁Hello}, {@code ĠHello}, {@code <0x0A>}). */
    String tokenText(int id);

    int vocabularySize();

    SpecialTokens specials();

    /** Whether generating this token ends the generation (EOS, EOT, EOM and their kin). */
    boolean isEndOfGeneration(int id);

    /** A decoder for tokens as they are generated, control tokens left out. */
    default StreamingDecoder streamingDecoder() {
        return new StreamingDecoder(this, false);
    }
}
