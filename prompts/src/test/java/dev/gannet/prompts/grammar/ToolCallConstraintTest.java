package dev.gannet.prompts.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gannet.prompts.toolcall.ParseResult;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import dev.gannet.prompts.toolcall.ToolCallParser;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lazy constraint over a synthetic vocabulary: models that would write wrong calls are forced
 * to write valid ones, and every call it lets through parses and validates.
 */
class ToolCallConstraintTest {
    private static final List<String> TEXTS = GrammarFixtures.vocabulary();
    private static final TokenVocabulary VOCABULARY = TokenVocabulary.of(TEXTS);
    private static final int EOS = TEXTS.indexOf("");

    private static TokenMasker masker(ToolCallFormat format) {
        return TokenMasker.of(ToolCallGrammar.of(format, GrammarFixtures.tools()), VOCABULARY);
    }

    /** A "model" that picks a token given what is allowed (null: anything). */
    interface Model {
        int pick(BitSet allowed, int step);
    }

    /** Runs a model from {@code prompt} (text it already wrote) until the first call completes or the steps run out. */
    private static String generate(ToolCallConstraint constraint, String prompt, Model model, int maxSteps) {
        StringBuilder text = new StringBuilder(prompt);
        constraint.acceptText(prompt);
        for (int step = 0; step < maxSteps && constraint.completedCalls() == 0; step++) {
            int token = model.pick(constraint.allowedTokens().orElse(null), step);
            constraint.accept(token);
            text.append(TEXTS.get(token));
        }
        return text.toString();
    }

    /**
     * A model set on a wrong call: it ranks first the tokens that continue {@code intent} (a call to
     * a tool that does not exist, with wrong types), then junk (each piece tried a few times),
     * then tokens that close something, then the rest in vocabulary order.
     */
    private static Model stubbornlyWrong(String intent) {
        List<String> junk = List.of("", "<|im_end|>", "Sure", "delete_everything", "\"delete", "Hello", "12", "null",
                "true", "[]", "{}", "```");
        List<String> closers = List.of("\"}}", "\"}</tool_call>", "}</tool_call>", "\"}", "}}", "\"]", "\"", "}", "]",
                "</tool_call>", "</parameter>", "</function>", "<|/tool_call|>", ">\n");
        int[] position = {0};
        java.util.Map<String, Integer> tries = new java.util.HashMap<>();
        return (allowed, step) -> {
            int best = -1;
            for (int id = 0; id < TEXTS.size(); id++) {
                String text = TEXTS.get(id);
                if (!text.isEmpty() && (allowed == null || allowed.get(id)) && intent.startsWith(text, position[0])
                        && (best < 0 || text.length() > TEXTS.get(best).length())) {
                    best = id;
                }
            }
            if (best >= 0) {
                position[0] += TEXTS.get(best).length();
                return best;
            }
            for (String wish : junk) {
                int id = TEXTS.indexOf(wish);
                if ((allowed == null || allowed.get(id)) && tries.merge(wish, 1, Integer::sum) <= 3) {
                    return id;
                }
            }
            for (String closer : closers) {
                int id = TEXTS.indexOf(closer);
                if (allowed == null || allowed.get(id)) {
                    return id;
                }
            }
            return allowed.nextSetBit(0);
        };
    }

    private static Model random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return (allowed, step) -> {
            if (allowed == null) {
                return random.nextInt(TEXTS.size());
            }
            int count = allowed.cardinality();
            assertTrue(count > 0, "the constraint led into a dead end");
            int n = random.nextInt(count);
            int id = allowed.nextSetBit(0);
            for (int i = 0; i < n; i++) {
                id = allowed.nextSetBit(id + 1);
            }
            return id;
        };
    }

    @ParameterizedTest
    @EnumSource(value = ToolCallFormat.class, names = {"HERMES", "JSON", "LLAMA3", "MISTRAL", "PHI4", "QWEN3_XML"})
    void aModelThatPrefersWrongTokensStillWritesAValidCall(ToolCallFormat format) {
        String trigger = ToolCallGrammar.of(format, GrammarFixtures.tools()).triggerTexts().getFirst();
        String intent = format == ToolCallFormat.QWEN3_XML
                ? "\n<function=delete_everything>\n<parameter=path>\n/\n</parameter>\n<parameter=force>\n1\n</parameter>\n</function>\n</tool_call>"
                : " {\"name\": \"delete_everything\", \"arguments\": {\"path\": 5, \"force\": \"yes\"}}</tool_call>";
        String text = generate(masker(format).newConstraint(), "Let me check.\n" + trigger, stubbornlyWrong(intent), 2000);
        assertValidCall(format, text);
    }

    @ParameterizedTest
    @EnumSource(value = ToolCallFormat.class, names = {"HERMES", "JSON", "LLAMA3", "MISTRAL", "PHI4", "QWEN3_XML"})
    void everyCallARandomModelWritesParsesAndValidates(ToolCallFormat format) {
        TokenMasker masker = masker(format);
        String trigger = ToolCallGrammar.of(format, GrammarFixtures.tools()).triggerTexts().getFirst();
        for (long seed = 0; seed < 25; seed++) {
            String text = generate(masker.newConstraint(), trigger, random(seed), 20_000);
            assertValidCall(format, text);
        }
    }

    private static void assertValidCall(ToolCallFormat format, String text) {
        ParseResult result = ToolCallParser.of(format, GrammarFixtures.tools()).parse(text);
        assertEquals(List.of(), result.errors(), text);
        assertFalse(result.calls().isEmpty(), text);
    }

    @Test
    void theTrieMaskIsTheNaiveMask() {
        TokenMasker masker = masker(ToolCallFormat.QWEN3_XML);
        TokenMasker json = masker(ToolCallFormat.HERMES);
        for (TokenMasker m : List.of(masker, json)) {
            for (long seed = 0; seed < 30; seed++) {
                ToolCallConstraint constraint = m.newConstraint();
                constraint.acceptText("<tool_call>");
                Model model = random(seed);
                for (int step = 0; step < 300 && constraint.isConstraining(); step++) {
                    BitSet mask = constraint.allowedTokens().orElseThrow();
                    assertEquals(naiveMask(constraint), mask, "step " + step);
                    constraint.accept(model.pick(mask, step));
                }
            }
        }
    }

    /** Every token tried on its own: the definition the trie walk must agree with. */
    private static BitSet naiveMask(ToolCallConstraint constraint) {
        GrammarState state = constraint.state();
        BitSet mask = new BitSet();
        for (int id = 0; id < TEXTS.size(); id++) {
            String text = TEXTS.get(id);
            GrammarState next = state.advance(text);
            if (next != null && (!text.isEmpty() || next.acceptsAnything())) {
                mask.set(id);
            }
        }
        return mask;
    }

    @Test
    void freeTextIsNotConstrainedUntilATrigger() {
        ToolCallConstraint constraint = masker(ToolCallFormat.HERMES).newConstraint();
        constraint.acceptText("I will read it. <tool");
        assertTrue(constraint.allowedTokens().isEmpty());
        constraint.accept(TEXTS.indexOf("_call>"));
        BitSet allowed = constraint.allowedTokens().orElseThrow();
        assertTrue(allowed.get(TEXTS.indexOf("{\"")));
        assertFalse(allowed.get(EOS), "no end of sequence inside a call");
        assertFalse(allowed.get(TEXTS.indexOf("Sure")));
        constraint.acceptText("{\"name\": \"list_files\", \"arguments\": {}}");
        assertTrue(constraint.isConstraining());
        constraint.accept(TEXTS.indexOf("</tool_call>"));
        assertFalse(constraint.isConstraining());
        assertEquals(1, constraint.completedCalls());
        assertTrue(constraint.allowedTokens().isEmpty(), "free again after the call");
    }

    @Test
    void bareJsonTriggersOnlyAtTheStartOfALine() {
        ToolCallConstraint constraint = masker(ToolCallFormat.JSON).newConstraint();
        constraint.acceptText("The object {\"name\": 1} is not a call.");
        assertFalse(constraint.isConstraining());
        constraint.acceptText("\n  {\"name\"");
        assertTrue(constraint.isConstraining());
        assertTrue(constraint.allowedTokens().orElseThrow().get(TEXTS.indexOf(":")));
    }

    @Test
    void aTokenOutsideTheMaskIsRefused() {
        ToolCallConstraint constraint = masker(ToolCallFormat.HERMES).newConstraint();
        constraint.acceptText("<tool_call>");
        assertThrows(IllegalArgumentException.class, () -> constraint.accept(TEXTS.indexOf("Sure")));
    }

    @Test
    void textThatBreaksTheGrammarRightAfterATriggerLetsTheCallGo() {
        ToolCallConstraint constraint = masker(ToolCallFormat.HERMES).newConstraint();
        constraint.acceptText("<tool_call>Sure");
        assertFalse(constraint.isConstraining());
        assertEquals(1, constraint.abandonedCalls());
        constraint.acceptText("<tool_call>{\"name\": \"list_files\", \"arguments\": {}}</tool_call><tool_call>");
        assertEquals(1, constraint.completedCalls());
        assertTrue(constraint.isConstraining(), "the next trigger starts the next call");
    }
}
