package dev.gannet.bench.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.grammar.TokenMasker;
import dev.gannet.prompts.grammar.TokenVocabulary;
import dev.gannet.prompts.grammar.ToolCallConstraint;
import dev.gannet.prompts.grammar.ToolCallGrammar;
import dev.gannet.prompts.toolcall.ParseResult;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import dev.gannet.prompts.toolcall.ToolCallParser;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constraint over a real byte-level vocabulary (GPT-2's): the benchmark's scripted calls go
 * through, and a model bent on a call to a tool that does not exist is forced into a valid one.
 */
class RealVocabularyConstraintTest {
    private static List<String> texts;
    private static TokenMasker masker;

    @BeforeAll
    static void load() {
        texts = Gpt2Vocabulary.texts(Gpt2Vocabulary.file());
        masker = TokenMasker.of(ToolCallGrammar.of(ToolCallFormat.HERMES, AgentTools.declared()), TokenVocabulary.of(texts));
    }

    @Test
    void theVocabularyIsGpt2s() {
        assertEquals(50257, texts.size());
        assertEquals("", texts.get(50256), "<|endoftext|> is a control token: no text");
    }

    @Test
    void realisticCallsAreAllowedTokenByToken() {
        for (String call : AgentTools.CALLS) {
            ToolCallConstraint constraint = masker.newConstraint();
            constraint.acceptText("<tool_call>");
            int position = 0;
            while (constraint.isConstraining()) {
                BitSet allowed = constraint.allowedTokens().orElseThrow();
                assertFalse(allowed.get(50256), "no end of text inside a call");
                int token = ToolCallMaskBenchmark.longestAllowedPrefix(texts, allowed, call, position);
                constraint.accept(token);
                position += texts.get(token).length();
            }
            assertEquals(call.length(), position);
            assertValid("<tool_call>" + call);
        }
    }

    @Test
    void aModelBentOnAnUnknownToolWritesAValidCall() {
        String intent = " {\"name\": \"delete_everything\", \"arguments\": {\"path\": 5, \"force\": \"yes\"}}</tool_call>";
        int[] closers = List.of("\"}}", "\"}", "}}", "\"", "}", "]", "</", "tool", "_", "call", ">").stream()
                .mapToInt(texts::indexOf).filter(id -> id >= 0).toArray();
        ToolCallConstraint constraint = masker.newConstraint();
        StringBuilder text = new StringBuilder("<tool_call>");
        constraint.acceptText(text.toString());
        int position = 0;
        for (int step = 0; step < 200 && constraint.isConstraining(); step++) {
            BitSet allowed = constraint.allowedTokens().orElseThrow();
            int token = -1;
            // Its own text where allowed; else the allowed token that closes the most, else the first allowed.
            for (int id = allowed.nextSetBit(0); id >= 0; id = allowed.nextSetBit(id + 1)) {
                String t = texts.get(id);
                if (!t.isEmpty() && intent.startsWith(t, position) && (token < 0 || t.length() > texts.get(token).length())) {
                    token = id;
                }
            }
            if (token >= 0) {
                position += texts.get(token).length();
            } else {
                for (int id : closers) {
                    if (allowed.get(id)) {
                        token = id;
                        break;
                    }
                }
                if (token < 0) {
                    token = allowed.nextSetBit(0);
                }
            }
            constraint.accept(token);
            text.append(texts.get(token));
        }
        assertFalse(constraint.isConstraining(), text::toString);
        assertEquals(1, constraint.completedCalls());
        assertValid(text.toString());
        assertTrue(text.toString().startsWith("<tool_call> {\"name\": \""), text::toString);
        System.out.println(text);
    }

    private static void assertValid(String text) {
        ParseResult result = ToolCallParser.of(ToolCallFormat.HERMES, AgentTools.declared()).parse(text);
        assertEquals(List.of(), result.errors(), text);
        assertEquals(1, result.calls().size(), text);
    }
}
