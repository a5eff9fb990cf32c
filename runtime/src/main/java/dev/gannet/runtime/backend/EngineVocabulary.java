package dev.gannet.runtime.backend;

import dev.gannet.kernels.tokenizer.StreamingDecoder;
import dev.gannet.kernels.tokenizer.Tokenizer;
import dev.gannet.prompts.grammar.TokenVocabulary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's tokens as generated text. Control tokens are left out of the text, except the ones that
 * mark tool calls ({@code <tool_call>}, {@code <|python_tag|>}, {@code [TOOL_CALLS]}, …): some models
 * have those as control tokens, and the tool-call parser and the grammar must see them.
 *
 * <p>The grammar's view of the vocabulary ({@link TokenVocabulary}, a prefix tree over every token's
 * text) is built on first use, since only constrained calls need it. A token that is a fraction of a
 * UTF-8 character is U+FFFD there: inside a JSON string it is as good as any other character.
 */
final class EngineVocabulary {
    private static final Set<String> CALL_MARKERS = Set.of("<tool_call>", "</tool_call>", "<|python_tag|>",
            "[TOOL_CALLS]", "<|tool_call|>", "<|/tool_call|>");

    private final Tokenizer tokenizer;
    /** Control tokens written as their text: token id → text */
    private final Map<Integer, String> markers = new HashMap<>();
    private TokenVocabulary grammarView;

    EngineVocabulary(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        for (int id = 0; id < tokenizer.vocabularySize(); id++) {
            if (tokenizer.tokenBytes(id, false).length == 0) {
                String rendered = new String(tokenizer.tokenBytes(id, true), StandardCharsets.UTF_8);
                if (CALL_MARKERS.contains(rendered)) {
                    markers.put(id, rendered);
                }
            }
        }
    }

    Tokenizer tokenizer() {
        return tokenizer;
    }

    int size() {
        return tokenizer.vocabularySize();
    }

    /** The text of one token as the grammar reads it. */
    String text(int id) {
        String marker = markers.get(id);
        return marker != null ? marker : new String(tokenizer.tokenBytes(id, false), StandardCharsets.UTF_8);
    }

    synchronized TokenVocabulary grammarView() {
        if (grammarView == null) {
            List<String> texts = new ArrayList<>(size());
            for (int id = 0; id < size(); id++) {
                texts.add(text(id));
            }
            grammarView = TokenVocabulary.of(texts);
        }
        return grammarView;
    }

    /** A decoder for one generation. */
    TextStream newTextStream() {
        return new TextStream(tokenizer.streamingDecoder());
    }

    /** Generated tokens to text, whole characters only; one per generation. */
    final class TextStream {
        private final StreamingDecoder decoder;

        private TextStream(StreamingDecoder decoder) {
            this.decoder = decoder;
        }

        String accept(int id) {
            String marker = markers.get(id);
            return marker != null ? decoder.flush() + marker : decoder.accept(id);
        }

        String flush() {
            return decoder.flush();
        }
    }
}
