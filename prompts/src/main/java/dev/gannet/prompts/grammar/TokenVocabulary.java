package dev.gannet.prompts.grammar;

import java.util.List;

/**
 * A model's vocabulary as the constraint sees it: the text of every token id, in id order, as the
 * caller decodes it (control tokens such as EOS as the empty string, or as their text where the
 * model writes them, like {@code <tool_call>} in Qwen). Built once per model (it indexes the texts
 * in a prefix tree) and shared by every grammar and generation; immutable.
 */
public final class TokenVocabulary {
    private final List<String> texts;
    final VocabularyTrie trie;

    private TokenVocabulary(List<String> texts) {
        this.texts = texts;
        this.trie = VocabularyTrie.build(texts);
    }

    /** @param texts the text of token {@code i} at index {@code i}; none null */
    public static TokenVocabulary of(List<String> texts) {
        return new TokenVocabulary(List.copyOf(texts));
    }

    public int size() {
        return texts.size();
    }

    public String text(int tokenId) {
        return texts.get(tokenId);
    }
}
