package dev.gannet.kernels.tokenizer;

/**
 * A word being merged: a doubly linked list of symbols, each a run of chars of the word, starting
 * with one symbol per code point. Merging a symbol with the next one grows it in place and leaves
 * the next one empty, so indices stay valid and stale candidate pairs can be recognised by length.
 */
final class SymbolChain {
    private final String word;
    private final int count;
    private final int[] start;     // [symbols] first char of the symbol in word
    private final int[] length;    // [symbols] chars in the symbol, 0 once merged into its left neighbour
    private final int[] previous;  // [symbols] index of the symbol before, -1 at the start
    private final int[] next;      // [symbols] index of the symbol after, -1 at the end

    SymbolChain(String word) {
        this.word = word;
        this.count = word.codePointCount(0, word.length());
        start = new int[count];
        length = new int[count];
        previous = new int[count];
        next = new int[count];
        for (int i = 0, offset = 0; i < count; i++) {
            int chars = Character.charCount(word.codePointAt(offset));
            start[i] = offset;
            length[i] = chars;
            previous[i] = i - 1;
            next[i] = i + 1 < count ? i + 1 : -1;
            offset += chars;
        }
    }

    /** Symbols at the start, before any merge. */
    int count() {
        return count;
    }

    /** The first symbol, or -1 for an empty word. */
    int first() {
        return count > 0 ? 0 : -1;
    }

    int next(int symbol) {
        return next[symbol];
    }

    int previous(int symbol) {
        return previous[symbol];
    }

    int length(int symbol) {
        return length[symbol];
    }

    String text(int symbol) {
        return word.substring(start[symbol], start[symbol] + length[symbol]);
    }

    /** The text of a symbol and the one after it. */
    String textOfPair(int left) {
        return word.substring(start[left], start[left] + length[left] + length[next[left]]);
    }

    void mergeWithNext(int left) {
        int right = next[left];
        length[left] += length[right];
        length[right] = 0;
        next[left] = next[right];
        if (next[right] != -1) {
            previous[next[right]] = left;
        }
    }

    /** Queues the pair (left, right) if it may merge; ignores -1 ends. */
    @FunctionalInterface
    interface BigramRanker {
        void offer(SymbolChain symbols, int left, int right, java.util.PriorityQueue<Bigram> queue);
    }

    /**
     * Merges neighbouring symbols, the best-ranked pair first, until no queued pair remains. The
     * ranker decides which pairs may merge and how good they are (SentencePiece scores, BPE ranks).
     */
    void mergeAll(BigramRanker ranker) {
        java.util.PriorityQueue<Bigram> queue = new java.util.PriorityQueue<>();
        for (int i = 1; i < count(); i++) {
            ranker.offer(this, i - 1, i, queue);
        }
        while (!queue.isEmpty()) {
            Bigram bigram = queue.poll();
            int left = bigram.left();
            int right = bigram.right();
            // Skip pairs one of whose symbols has changed since the pair was queued.
            if (length(left) == 0 || length(right) == 0 || length(left) + length(right) != bigram.length()) {
                continue;
            }
            mergeWithNext(left);
            ranker.offer(this, previous(left), left, queue);
            ranker.offer(this, left, next(left), queue);
        }
    }
}
