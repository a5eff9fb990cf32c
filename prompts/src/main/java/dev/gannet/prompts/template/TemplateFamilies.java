package dev.gannet.prompts.template;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Guesses a model's prompt format from its GGUF metadata when the file has no chat template. The
 * special tokens the vocabulary holds are the strongest evidence (a model with {@code <|im_start|>} was
 * trained on ChatML whatever its architecture); the architecture decides only when no token does. The
 * metadata comes as plain Java values, so this module needs no GGUF reader.
 */
public final class TemplateFamilies {
    /**
     * Tokens that identify a format, most specific first: Phi-4 also has <|im_start|>, and DeepSeek's
     * distills keep the Qwen or Llama 3 vocabulary they were made from and add their own tokens to it.
     */
    private static final List<Evidence> TOKENS = List.of(
            new Evidence("<|im_sep|>", TemplateFamily.PHI4),
            new Evidence("<｜User｜>", TemplateFamily.DEEPSEEK),
            new Evidence("<｜begin▁of▁sentence｜>", TemplateFamily.DEEPSEEK),
            new Evidence("<|im_start|>", TemplateFamily.CHATML),
            new Evidence("<|start_header_id|>", TemplateFamily.LLAMA3),
            new Evidence("<start_of_turn>", TemplateFamily.GEMMA),
            new Evidence("[AVAILABLE_TOOLS]", TemplateFamily.MISTRAL),
            new Evidence("[INST]", TemplateFamily.MISTRAL),
            new Evidence("<|assistant|>", TemplateFamily.PHI3),
            new Evidence("<|end|>", TemplateFamily.PHI3));

    /** {@code general.architecture} values and their usual format, when the vocabulary says nothing. */
    private static final Map<String, TemplateFamily> ARCHITECTURES = Map.ofEntries(
            Map.entry("qwen2", TemplateFamily.CHATML),
            Map.entry("qwen2moe", TemplateFamily.CHATML),
            Map.entry("qwen3", TemplateFamily.CHATML),
            Map.entry("qwen3moe", TemplateFamily.CHATML),
            Map.entry("llama", TemplateFamily.LLAMA2),
            Map.entry("gemma", TemplateFamily.GEMMA),
            Map.entry("gemma2", TemplateFamily.GEMMA),
            Map.entry("gemma3", TemplateFamily.GEMMA),
            Map.entry("phi3", TemplateFamily.PHI3),
            Map.entry("deepseek", TemplateFamily.DEEPSEEK),
            Map.entry("deepseek2", TemplateFamily.DEEPSEEK));

    private record Evidence(String token, TemplateFamily family) {
    }

    private TemplateFamilies() {
    }

    /**
     * The family of a model whose metadata holds {@code general.architecture} (a String) and
     * {@code tokenizer.ggml.tokens} (a {@code String[]} or a collection of strings); either may be absent.
     */
    public static Optional<FamilyGuess> guess(Map<String, ?> metadata) {
        Object architecture = metadata.get("general.architecture");
        Object tokens = metadata.get("tokenizer.ggml.tokens");
        Collection<String> tokenList = switch (tokens) {
            case String[] array -> Arrays.asList(array);
            case Collection<?> collection -> collection.stream().map(String::valueOf).toList();
            case null, default -> List.of();
        };
        return guess(architecture instanceof String name ? name : null, tokenList);
    }

    /** The family for an architecture name and the vocabulary's token texts. */
    public static Optional<FamilyGuess> guess(String architecture, Collection<String> tokens) {
        Set<String> vocabulary = tokens instanceof Set<String> set ? set : new HashSet<>(tokens);
        return guess(architecture, vocabulary::contains);
    }

    /** The family for an architecture name and a question "does the vocabulary hold this token?". */
    public static Optional<FamilyGuess> guess(String architecture, Predicate<String> hasToken) {
        for (Evidence evidence : TOKENS) {
            if (hasToken.test(evidence.token())) {
                return Optional.of(new FamilyGuess(evidence.family(), "its vocabulary has " + evidence.token()));
            }
        }
        if (architecture != null && ARCHITECTURES.containsKey(architecture)) {
            return Optional.of(new FamilyGuess(ARCHITECTURES.get(architecture), "its architecture is " + architecture));
        }
        return Optional.empty();
    }
}
