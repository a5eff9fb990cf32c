package dev.gannet.prompts.grammar;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The vocabulary's token texts as a prefix tree, so that a mask walks each shared prefix once and
 * drops a whole subtree at the first character the grammar refuses.
 *
 * <p>Built from the texts sorted, nodes are numbered in depth-first order and the tokens of any
 * subtree are a contiguous range of {@link #sortedIds}: a subtree the grammar accepts whole is
 * marked in one loop, without walking it.
 */
final class VocabularyTrie {
    /** Token ids in the sorted order of their texts. */
    final int[] sortedIds;
    /** Per node: the character on the edge into it (unused for the root, node 0). */
    final char[] edge;
    final int[] firstChild;
    final int[] nextSibling;
    /**
     * Per node: the tokens whose text ends exactly here, as a range of sortedIds. A text sorts
     * before its extensions, so ownFrom is also where the node's subtree starts.
     */
    final int[] ownFrom;
    final int[] ownTo;
    /** Per node: every token of its subtree (itself included), as a range of sortedIds. */
    final int[] subtreeTo;
    /** Per node: whether every character below it is a plain string character (see {@link StringFrame#isPlain(char)}). */
    final boolean[] plainBelow;
    /** The tokens made of plain string characters only (not the empty ones): what a JSON string's inside allows. */
    final BitSet plainTokens;

    private VocabularyTrie(int[] sortedIds, char[] edge, int[] firstChild, int[] nextSibling, int[] ownFrom,
                           int[] ownTo, int[] subtreeTo, boolean[] plainBelow, BitSet plainTokens) {
        this.sortedIds = sortedIds;
        this.edge = edge;
        this.firstChild = firstChild;
        this.nextSibling = nextSibling;
        this.ownFrom = ownFrom;
        this.ownTo = ownTo;
        this.subtreeTo = subtreeTo;
        this.plainBelow = plainBelow;
        this.plainTokens = plainTokens;
    }

    static VocabularyTrie build(List<String> texts) {
        int n = texts.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(texts::get));
        int[] sortedIds = new int[n];
        long totalChars = 1;
        for (int i = 0; i < n; i++) {
            sortedIds[i] = order[i];
            totalChars += texts.get(order[i]).length();
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, totalChars);
        Builder b = new Builder(capacity);
        // The path of nodes for the previous text: path[d] is the node at depth d.
        int[] path = new int[16];
        path[0] = b.newNode('\0', -1, 0);
        String previous = "";
        for (int rank = 0; rank < n; rank++) {
            String text = texts.get(sortedIds[rank]);
            int common = commonPrefix(previous, text);
            // Close the subtrees of the previous path below the common prefix.
            for (int d = previous.length(); d > common; d--) {
                b.subtreeTo[path[d]] = rank;
            }
            if (path.length <= text.length()) {
                path = Arrays.copyOf(path, Math.max(path.length * 2, text.length() + 1));
            }
            for (int d = common + 1; d <= text.length(); d++) {
                path[d] = b.newNode(text.charAt(d - 1), path[d - 1], rank);
            }
            int node = path[text.length()];
            if (b.ownTo[node] == b.ownFrom[node]) {
                b.ownFrom[node] = rank;
            }
            b.ownTo[node] = rank + 1;
            previous = text;
        }
        for (int d = previous.length(); d >= 0; d--) {
            b.subtreeTo[path[d]] = n;
        }
        BitSet plainTokens = new BitSet(n);
        for (int id = 0; id < n; id++) {
            String text = texts.get(id);
            if (!text.isEmpty() && text.chars().allMatch(c -> StringFrame.isPlain((char) c))) {
                plainTokens.set(id);
            }
        }
        return b.finish(sortedIds, plainTokens);
    }

    int nodeCount() {
        return edge.length;
    }

    private static int commonPrefix(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Growable node arrays; children are linked in the order they are added (sorted). */
    private static final class Builder {
        char[] edge;
        int[] firstChild;
        int[] lastChild;
        int[] nextSibling;
        int[] ownFrom;
        int[] ownTo;
        int[] subtreeTo;
        int[] parent;
        int count;

        Builder(int capacity) {
            edge = new char[capacity];
            firstChild = new int[capacity];
            lastChild = new int[capacity];
            nextSibling = new int[capacity];
            ownFrom = new int[capacity];
            ownTo = new int[capacity];
            subtreeTo = new int[capacity];
            parent = new int[capacity];
        }

        int newNode(char c, int parentNode, int rank) {
            int node = count++;
            edge[node] = c;
            firstChild[node] = -1;
            lastChild[node] = -1;
            nextSibling[node] = -1;
            ownFrom[node] = rank;
            ownTo[node] = rank;
            parent[node] = parentNode;
            if (parentNode >= 0) {
                if (firstChild[parentNode] < 0) {
                    firstChild[parentNode] = node;
                } else {
                    nextSibling[lastChild[parentNode]] = node;
                }
                lastChild[parentNode] = node;
            }
            return node;
        }

        VocabularyTrie finish(int[] sortedIds, BitSet plainTokens) {
            int n = count;
            boolean[] plainBelow = new boolean[n];
            Arrays.fill(plainBelow, true);
            // Children come after their parents, so one backward pass settles every node.
            for (int node = n - 1; node > 0; node--) {
                if (!plainBelow[node] || !StringFrame.isPlain(edge[node])) {
                    plainBelow[parent[node]] = false;
                }
            }
            return new VocabularyTrie(sortedIds, Arrays.copyOf(edge, n), Arrays.copyOf(firstChild, n),
                    Arrays.copyOf(nextSibling, n), Arrays.copyOf(ownFrom, n), Arrays.copyOf(ownTo, n),
                    Arrays.copyOf(subtreeTo, n), plainBelow, plainTokens);
        }
    }
}
