package dev.gannet.kernels.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Objects;

/**
 * What SentencePiece and byte-level BPE tokenizers share: special tokens split out of the text
 * before the model's own algorithm sees it, BOS/EOS, end-of-generation tokens, and turning tokens
 * back into bytes. Subclasses encode plain-text fragments and spell normal tokens.
 */
abstract sealed class VocabularyTokenizer implements Tokenizer permits SentencePieceTokenizer, BytePairTokenizer {
    private static final byte[] NO_BYTES = new byte[0];

    protected final Vocabulary vocabulary;
    private final SpecialTokens specials;
    private final SpecialTokenSplitter splitter;
    private final BitSet endOfGeneration;

    VocabularyTokenizer(Vocabulary vocabulary, SpecialTokens specials) {
        this.vocabulary = vocabulary;
        this.specials = specials;
        this.splitter = new SpecialTokenSplitter(vocabulary);
        this.endOfGeneration = new BitSet(vocabulary.size());
        specials.endOfGeneration().forEach(endOfGeneration::set);
    }

    /**
     * Appends the tokens of one plain-text fragment.
     *
     * @param atStart the fragment begins the text or follows a special token
     */
    abstract void encodeText(String text, boolean atStart, IdList out);

    /** The bytes of a normal token. */
    abstract byte[] normalTokenBytes(String text);

    /** Whether the encoder put a space before the text, which decoding must take away again. */
    abstract boolean addsSpacePrefix();

    @Override
    public int[] encode(String text, boolean addSpecial, boolean parseSpecial) {
        Objects.requireNonNull(text, "text");
        IdList out = new IdList(text.length() / 3 + 2);
        if (addSpecial && specials.addBos()) {
            out.add(specials.bos());
        }
        boolean atStart = true;
        for (SpecialTokenSplitter.Fragment fragment : splitter.split(text, parseSpecial)) {
            if (fragment.isText()) {
                encodeText(text.substring(fragment.start(), fragment.end()), atStart, out);
                atStart = false;
            } else {
                out.add(fragment.token());
                atStart = true;
            }
        }
        if (addSpecial && specials.addEos()) {
            out.add(specials.eos());
        }
        return out.toArray();
    }

    @Override
    public String decode(int[] ids, boolean renderSpecial) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        // The first text token carries the space the encoder added in front of the text: drop it.
        int firstText = ids.length > 0 && ids[0] == specials.bos() ? 1 : 0;
        for (int i = 0; i < ids.length; i++) {
            byte[] piece = tokenBytes(ids[i], renderSpecial);
            int skip = i == firstText && addsSpacePrefix() && piece.length > 0 && piece[0] == ' ' ? 1 : 0;
            bytes.write(piece, skip, piece.length - skip);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] tokenBytes(int id, boolean renderSpecial) {
        int attributes = vocabulary.attributes(checked(id));
        String text = vocabulary.text(id);
        if ((attributes & TokenAttributes.HIDDEN) != 0 && !renderSpecial) {
            return NO_BYTES;
        }
        if ((attributes & (TokenAttributes.HIDDEN | TokenAttributes.USER_DEFINED)) != 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if ((attributes & TokenAttributes.NORMAL) != 0) {
            return normalTokenBytes(text);
        }
        if ((attributes & TokenAttributes.BYTE) != 0) {
            return byteTokenValue(text);
        }
        return NO_BYTES; // unused and undefined tokens stand for nothing
    }

    @Override
    public String tokenText(int id) {
        return vocabulary.text(checked(id));
    }

    @Override
    public int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public SpecialTokens specials() {
        return specials;
    }

    @Override
    public boolean isEndOfGeneration(int id) {
        return id >= 0 && endOfGeneration.get(id);
    }

    /** A byte token {@code <0xAB>} stands for the byte 0xAB; a malformed one for its own text. */
    private static byte[] byteTokenValue(String text) {
        if (text.length() == 6 && text.startsWith("<0x") && text.endsWith(">")) {
            int high = Character.digit(text.charAt(3), 16);
            int low = Character.digit(text.charAt(4), 16);
            if (high >= 0 && low >= 0) {
                return new byte[] {(byte) (high << 4 | low)};
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private int checked(int id) {
        if (!vocabulary.contains(id)) {
            throw new TokenizerException(vocabulary.source(), "token id " + id + " is outside the vocabulary of "
                    + vocabulary.size() + " tokens");
        }
        return id;
    }
}
