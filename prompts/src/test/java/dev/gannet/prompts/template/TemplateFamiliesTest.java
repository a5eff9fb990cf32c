package dev.gannet.prompts.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateFamiliesTest {
    record Case(String architecture, List<String> tokens, TemplateFamily expected, String reason) {
    }

    static List<Case> cases() {
        List<String> plain = List.of("<unk>", "<s>", "</s>", "hello");
        return List.of(
                // The vocabulary decides first, whatever the architecture says.
                new Case("qwen2", List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>"), TemplateFamily.CHATML, "<|im_start|>"),
                new Case("llama", List.of("<|im_start|>", "<|im_end|>"), TemplateFamily.CHATML, "<|im_start|>"),
                new Case("phi3", List.of("<|im_start|>", "<|im_sep|>", "<|im_end|>"), TemplateFamily.PHI4, "<|im_sep|>"),
                new Case("llama", List.of("<|begin_of_text|>", "<|start_header_id|>", "<|eot_id|>"), TemplateFamily.LLAMA3, "<|start_header_id|>"),
                new Case("llama", List.of("<s>", "[INST]", "[/INST]", "[TOOL_CALLS]"), TemplateFamily.MISTRAL, "[INST]"),
                new Case("gemma2", List.of("<bos>", "<start_of_turn>", "<end_of_turn>"), TemplateFamily.GEMMA, "<start_of_turn>"),
                new Case("qwen2", List.of("<｜begin▁of▁sentence｜>", "<｜User｜>", "<｜Assistant｜>"), TemplateFamily.DEEPSEEK, "<｜User｜>"),
                // DeepSeek's distills keep their base vocabulary: their own tokens decide.
                new Case("qwen2", List.of("<|im_start|>", "<|im_end|>", "<｜User｜>", "<｜Assistant｜>"), TemplateFamily.DEEPSEEK, "<｜User｜>"),
                new Case("llama", List.of("<|start_header_id|>", "<｜begin▁of▁sentence｜>"), TemplateFamily.DEEPSEEK, "<｜begin▁of▁sentence｜>"),
                new Case("llama", List.of("<s>", "<|user|>", "<|assistant|>", "<|end|>"), TemplateFamily.PHI3, "<|assistant|>"),
                // Without telling tokens, the architecture.
                new Case("llama", plain, TemplateFamily.LLAMA2, "architecture is llama"),
                new Case("qwen2", plain, TemplateFamily.CHATML, "architecture is qwen2"),
                new Case("qwen3", plain, TemplateFamily.CHATML, "architecture is qwen3"),
                new Case("gemma", plain, TemplateFamily.GEMMA, "architecture is gemma"),
                new Case("gemma3", plain, TemplateFamily.GEMMA, "architecture is gemma3"),
                new Case("phi3", plain, TemplateFamily.PHI3, "architecture is phi3"),
                new Case("deepseek2", plain, TemplateFamily.DEEPSEEK, "architecture is deepseek2"),
                // Nothing to go on.
                new Case("falcon", plain, null, null),
                new Case(null, List.of(), null, null));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void guessesFromTokensThenArchitecture(Case c) {
        Optional<FamilyGuess> guess = TemplateFamilies.guess(c.architecture(), c.tokens());
        if (c.expected() == null) {
            assertTrue(guess.isEmpty(), guess.toString());
            return;
        }
        assertEquals(c.expected(), guess.orElseThrow().family());
        assertTrue(guess.get().reason().contains(c.reason()), guess.get().reason());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readsTheSameFromMetadataValues(Case c) {
        java.util.HashMap<String, Object> metadata = new java.util.HashMap<>();
        if (c.architecture() != null) {
            metadata.put("general.architecture", c.architecture());
        }
        metadata.put("tokenizer.ggml.tokens", c.tokens().toArray(String[]::new));
        assertEquals(TemplateFamilies.guess(c.architecture(), c.tokens()).map(FamilyGuess::family),
                TemplateFamilies.guess(metadata).map(FamilyGuess::family));
        assertEquals(TemplateFamilies.guess(c.architecture(), c.tokens()).map(FamilyGuess::family),
                TemplateFamilies.guess(Map.of("tokenizer.ggml.tokens", c.tokens(),
                        "general.architecture", c.architecture() == null ? 0 : c.architecture())).map(FamilyGuess::family));
    }
}
