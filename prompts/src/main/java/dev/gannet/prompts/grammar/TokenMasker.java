package dev.gannet.prompts.grammar;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes which tokens a grammar state allows, by walking the vocabulary's prefix tree with the
 * state: a subtree is dropped at the first character the grammar refuses, and taken whole, without
 * walking it, where the grammar accepts anything (after the call) or every plain character (inside
 * a JSON string). Masks are cached by state, since a call passes through the same states again
 * (every step inside one string value is one state).
 *
 * <p>One per (grammar, vocabulary), shared by the generations that use them; thread-safe.
 */
public final class TokenMasker {
    private static final int CACHE_SIZE = 512;

    private final ToolCallGrammar grammar;
    private final TokenVocabulary vocabulary;
    private final Map<GrammarState, BitSet> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GrammarState, BitSet> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final boolean caching;

    private TokenMasker(ToolCallGrammar grammar, TokenVocabulary vocabulary, boolean caching) {
        this.grammar = grammar;
        this.vocabulary = vocabulary;
        this.caching = caching;
    }

    public static TokenMasker of(ToolCallGrammar grammar, TokenVocabulary vocabulary) {
        return new TokenMasker(grammar, vocabulary, true);
    }

    /** A masker that computes every mask afresh: for measuring the walk itself, not for use. */
    public static TokenMasker uncached(ToolCallGrammar grammar, TokenVocabulary vocabulary) {
        return new TokenMasker(grammar, vocabulary, false);
    }

    /** A constraint for one generation. */
    public ToolCallConstraint newConstraint() {
        return new ToolCallConstraint(this, grammar, vocabulary);
    }

    public TokenVocabulary vocabulary() {
        return vocabulary;
    }

    /** The tokens allowed in {@code state}; the caller must not modify the set. */
    BitSet mask(GrammarState state) {
        if (!caching) {
            return compute(state);
        }
        synchronized (cache) {
            BitSet cached = cache.get(state);
            if (cached != null) {
                return cached;
            }
        }
        BitSet mask = compute(state);
        synchronized (cache) {
            cache.put(state, mask);
        }
        return mask;
    }

    /** The mask without the cache (for measuring and for tests). */
    BitSet compute(GrammarState state) {
        VocabularyTrie trie = vocabulary.trie;
        if (state.acceptsAnything()) {
            BitSet all = new BitSet(vocabulary.size());
            all.set(0, vocabulary.size());
            return all;
        }
        if (state.inPlainString()) {
            // Inside a string nearly every token is allowed: start from those made of plain
            // characters (they leave the state as it is) and walk only towards the others.
            BitSet mask = (BitSet) trie.plainTokens.clone();
            walk(trie, 0, state, true, mask);
            return mask;
        }
        BitSet mask = new BitSet(vocabulary.size());
        walk(trie, 0, state, false, mask);
        return mask;
    }

    /**
     * Marks the allowed tokens below {@code node}, whose prefix led to {@code state}.
     *
     * @param plainCovered the state is inside a string and the plain-character tokens below are
     *                     already marked: only paths towards other characters need walking
     */
    private static void walk(VocabularyTrie trie, int node, GrammarState state, boolean plainCovered, BitSet mask) {
        for (int child = trie.firstChild[node]; child >= 0; child = trie.nextSibling[child]) {
            char c = trie.edge[child];
            if (plainCovered && StringFrame.isPlain(c)) {
                // A plain character leaves the state unchanged; the tokens ending here are marked.
                if (!trie.plainBelow[child]) {
                    walk(trie, child, state, true, mask);
                }
                continue;
            }
            GrammarState next = state.advance(c);
            if (next == null) {
                continue;
            }
            if (next.acceptsAnything() || next.inPlainString() && trie.plainBelow[child]) {
                set(trie, trie.ownFrom[child], trie.subtreeTo[child], mask);
                continue;
            }
            set(trie, trie.ownFrom[child], trie.ownTo[child], mask);
            if (trie.firstChild[child] >= 0) {
                walk(trie, child, next, false, mask);
            }
        }
    }

    private static void set(VocabularyTrie trie, int from, int to, BitSet mask) {
        for (int rank = from; rank < to; rank++) {
            mask.set(trie.sortedIds[rank]);
        }
    }
}
