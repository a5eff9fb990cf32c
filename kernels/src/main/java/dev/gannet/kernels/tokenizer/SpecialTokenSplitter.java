package dev.gannet.kernels.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Cuts the input into plain-text fragments and special tokens written out in it, as llama.cpp's
 * {@code tokenizer_st_partition} does: special tokens are taken longest first, and each one splits
 * every text fragment at each of its occurrences, left to right. User-defined tokens are always split
 * out; control and unknown tokens only when the caller parses special tokens (a chat template's
 * {@code <|im_start|>}), never in text that came from a user.
 *
 * <p>Taking one token at a time over the whole text costs a pass per special token, and some
 * vocabularies have thousands; so a trie first finds the few special tokens the text contains at
 * all, and only those are taken.
 */
final class SpecialTokenSplitter {

    /** A slice {@code [start, end)} of the input: plain text, or the special token {@code token}. */
    record Fragment(int token, int start, int end) {
        boolean isText() {
            return token == SpecialTokens.NONE;
        }
    }

    private final Vocabulary vocabulary;
    private final int[] tokensByRank;    // [specials] special token ids in the order they are taken
    private final int[] rankOf;          // [vocab] position of a token in tokensByRank, -1 if not special
    private final TrieNode root = new TrieNode();

    SpecialTokenSplitter(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        tokensByRank = IntStream.range(0, vocabulary.size())
                .filter(id -> vocabulary.has(id, TokenAttributes.SPECIAL))
                .boxed()
                // Longest first by UTF-8 length, as llama.cpp sorts them; ties by id, so the order is fixed.
                .sorted(Comparator.<Integer>comparingInt(id -> vocabulary.text(id).getBytes(StandardCharsets.UTF_8).length)
                        .reversed()
                        .thenComparingInt(id -> id))
                .mapToInt(Integer::intValue)
                .toArray();
        rankOf = new int[vocabulary.size()];
        Arrays.fill(rankOf, -1);
        for (int rank = 0; rank < tokensByRank.length; rank++) {
            rankOf[tokensByRank[rank]] = rank;
            root.insert(vocabulary.text(tokensByRank[rank]), tokensByRank[rank]);
        }
    }

    List<Fragment> split(String text, boolean parseSpecial) {
        List<Fragment> fragments = new ArrayList<>();
        if (text.isEmpty()) {
            return fragments;
        }
        fragments.add(new Fragment(SpecialTokens.NONE, 0, text.length()));
        for (int token : tokensOccurringIn(text, parseSpecial)) {
            fragments = splitAt(text, fragments, token);
        }
        return fragments;
    }

    /** The special tokens that occur in the text, in the order they are taken. */
    private int[] tokensOccurringIn(String text, boolean parseSpecial) {
        BitSet found = new BitSet();
        for (int start = 0; start < text.length(); start++) {
            TrieNode node = root;
            for (int i = start; i < text.length() && (node = node.child(text.charAt(i))) != null; i++) {
                if (node.token != SpecialTokens.NONE && (parseSpecial || !vocabulary.has(node.token, TokenAttributes.HIDDEN))) {
                    found.set(rankOf[node.token]);
                }
            }
        }
        return found.stream().map(rank -> tokensByRank[rank]).toArray();
    }

    private List<Fragment> splitAt(String text, List<Fragment> fragments, int token) {
        String special = vocabulary.text(token);
        List<Fragment> result = new ArrayList<>(fragments.size() + 2);
        for (Fragment fragment : fragments) {
            if (!fragment.isText()) {
                result.add(fragment);
                continue;
            }
            int from = fragment.start();
            int at;
            while ((at = text.indexOf(special, from, fragment.end())) >= 0) {
                if (at > from) {
                    result.add(new Fragment(SpecialTokens.NONE, from, at));
                }
                result.add(new Fragment(token, at, at + special.length()));
                from = at + special.length();
            }
            if (from < fragment.end()) {
                result.add(new Fragment(SpecialTokens.NONE, from, fragment.end()));
            }
        }
        return result;
    }

    private static final class TrieNode {
        private final Map<Character, TrieNode> children = new HashMap<>(4);
        private int token = SpecialTokens.NONE;

        void insert(String text, int id) {
            TrieNode node = this;
            for (int i = 0; i < text.length(); i++) {
                node = node.children.computeIfAbsent(text.charAt(i), c -> new TrieNode());
            }
            node.token = id;
        }

        TrieNode child(char c) {
            return children.get(c);
        }
    }
}
