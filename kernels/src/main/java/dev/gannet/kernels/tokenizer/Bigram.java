package dev.gannet.kernels.tokenizer;

/**
 * Two adjacent symbols that may merge into one of {@code length} chars. Lower priority merges
 * first (a BPE merge rank; a SentencePiece score, negated); on a tie, the leftmost pair.
 */
record Bigram(int left, int right, double priority, int length) implements Comparable<Bigram> {
    @Override
    public int compareTo(Bigram other) {
        int byPriority = Double.compare(priority, other.priority);
        return byPriority != 0 ? byPriority : Integer.compare(left, other.left);
    }
}
