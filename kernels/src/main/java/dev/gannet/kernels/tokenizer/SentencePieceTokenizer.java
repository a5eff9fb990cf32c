package dev.gannet.kernels.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.PriorityQueue;

/**
 * SentencePiece BPE ({@code tokenizer.ggml.model = llama}), as llama.cpp's SPM tokenizer: spaces
 * become U+2581 ({@code ▁}), the text starts as one symbol per character, and the adjacent pair whose
 * concatenation is the vocabulary token of highest score is merged until no pair is a token.
 * Characters no token spells fall back to byte tokens {@code <0xNN>} of their UTF-8 bytes.
 *
 * <p>Merging keeps the candidate pairs in a priority queue and drops stale ones lazily, so a fragment
 * of n characters costs O(n log n).
 */
final class SentencePieceTokenizer extends VocabularyTokenizer {
    static final char SPACE_MARK = '\u2581';

    private final boolean addSpacePrefix;
    private final int[] byteTokens; // [256] token of each byte for the fallback, NONE if the vocabulary lacks it

    SentencePieceTokenizer(Vocabulary vocabulary, SpecialTokens specials, boolean addSpacePrefix) {
        super(vocabulary, specials);
        this.addSpacePrefix = addSpacePrefix;
        this.byteTokens = new int[256];
        for (int b = 0; b < 256; b++) {
            int id = vocabulary.id(String.format("<0x%02X>", b));
            // Vocabularies without byte tokens may still spell ASCII bytes as themselves.
            byteTokens[b] = id != SpecialTokens.NONE || b >= 0x80 ? id : vocabulary.id(String.valueOf((char) b));
        }
    }

    @Override
    boolean addsSpacePrefix() {
        return addSpacePrefix;
    }

    @Override
    byte[] normalTokenBytes(String text) {
        return text.replace(SPACE_MARK, ' ').getBytes(StandardCharsets.UTF_8);
    }

    @Override
    void encodeText(String text, boolean atStart, IdList out) {
        String escaped = (addSpacePrefix && atStart ? " " + text : text).replace(' ', SPACE_MARK);
        SymbolChain symbols = new SymbolChain(escaped);
        symbols.mergeAll(this::offerBigram);
        for (int i = symbols.first(); i != -1; i = symbols.next(i)) {
            emit(symbols.text(i), out);
        }
    }

    private void offerBigram(SymbolChain symbols, int left, int right, PriorityQueue<Bigram> queue) {
        if (left == -1 || right == -1) {
            return;
        }
        int length = symbols.length(left) + symbols.length(right);
        int id = vocabulary.id(symbols.textOfPair(left));
        if (id != SpecialTokens.NONE) {
            queue.add(new Bigram(left, right, -vocabulary.score(id), length));
        }
    }

    /** A symbol that is a token is that token; any other is spelt byte by byte. */
    private void emit(String symbol, IdList out) {
        int id = vocabulary.id(symbol);
        if (id != SpecialTokens.NONE) {
            out.add(id);
            return;
        }
        for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
            int byteToken = byteTokens[b & 0xFF];
            if (byteToken == SpecialTokens.NONE) {
                byteToken = specials().unknown();
            }
            if (byteToken == SpecialTokens.NONE) {
                throw new TokenizerException(vocabulary.source(), String.format(
                        "the vocabulary has no token for byte 0x%02X and no unknown token", b & 0xFF));
            }
            out.add(byteToken);
        }
    }
}
