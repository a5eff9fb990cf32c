package dev.gannet.kernels.tokenizer;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Byte-level BPE ({@code tokenizer.ggml.model = gpt2}), as llama.cpp's BPE tokenizer: the
 * pre-tokenizer cuts the text into words, each word's UTF-8 bytes are spelt in GPT-2's byte alphabet,
 * and within a word the adjacent pair of lowest merge rank ({@code tokenizer.ggml.merges}, in order)
 * is merged until no pair has a rank.
 *
 * <p>Merging keeps the candidate pairs in a priority queue and drops stale ones lazily, so a word of
 * n bytes costs O(n log n).
 */
final class BytePairTokenizer extends VocabularyTokenizer {
    private final PreTokenizer preTokenizer;
    private final Map<String, Integer> mergeRanks; // "left right" -> rank, as the merges are written

    BytePairTokenizer(Vocabulary vocabulary, SpecialTokens specials, PreTokenizer preTokenizer, String[] merges) {
        super(vocabulary, specials);
        this.preTokenizer = preTokenizer;
        this.mergeRanks = HashMap.newHashMap(merges.length);
        for (int rank = 0; rank < merges.length; rank++) {
            mergeRanks.putIfAbsent(merges[rank], rank);
        }
    }

    @Override
    boolean addsSpacePrefix() {
        return false;
    }

    @Override
    byte[] normalTokenBytes(String text) {
        return ByteLevelAlphabet.decode(text);
    }

    @Override
    void encodeText(String text, boolean atStart, IdList out) {
        for (String word : preTokenizer.split(text)) {
            String spelt = ByteLevelAlphabet.encode(word);
            int whole = preTokenizer.ignoreMerges() ? vocabulary.id(spelt) : SpecialTokens.NONE;
            if (whole != SpecialTokens.NONE) {
                out.add(whole);
            } else {
                encodeWord(spelt, out);
            }
        }
    }

    private void encodeWord(String spelt, IdList out) {
        SymbolChain symbols = new SymbolChain(spelt);
        symbols.mergeAll(this::offerBigram);
        for (int i = symbols.first(); i != -1; i = symbols.next(i)) {
            emit(symbols.text(i), out);
        }
    }

    private void offerBigram(SymbolChain symbols, int left, int right, PriorityQueue<Bigram> queue) {
        if (left == -1 || right == -1) {
            return;
        }
        Integer rank = mergeRanks.get(symbols.text(left) + ' ' + symbols.text(right));
        if (rank != null) {
            queue.add(new Bigram(left, right, rank, symbols.length(left) + symbols.length(right)));
        }
    }

    /**
     * A symbol that is a token is that token. Otherwise (only in vocabularies missing some of the 256
     * byte characters) llama.cpp looks up each byte alone, which finds ASCII ones only; the rest is
     * dropped, and so it is here.
     */
    private void emit(String symbol, IdList out) {
        int id = vocabulary.id(symbol);
        if (id != SpecialTokens.NONE) {
            out.add(id);
            return;
        }
        for (int i = 0; i < symbol.length(); i++) {
            char c = symbol.charAt(i);
            int single = c < 0x80 ? vocabulary.id(String.valueOf(c)) : SpecialTokens.NONE;
            if (single != SpecialTokens.NONE) {
                out.add(single);
            }
        }
    }
}
