package dev.gannet.runtime.template;

import dev.gannet.kernels.gguf.GgufMetadata;
import dev.gannet.prompts.template.BuiltinTemplates;
import dev.gannet.prompts.template.ChatTemplate;
import dev.gannet.prompts.template.FamilyGuess;
import dev.gannet.prompts.template.TemplateFamilies;
import dev.gannet.prompts.template.TemplateFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which chat template renders a conversation: a Jinja file, a built-in family's, or a model's own
 * ({@code tokenizer.chat_template}; without one, the built-in template of the family its vocabulary
 * and architecture point to). One place for the choice, so that {@code gannet render} shows exactly
 * the prompt the engine evaluates. Failures are {@link IllegalArgumentException}s with a message for
 * the user.
 */
public final class TemplateChoice {
    /** The text of bos_token and eos_token when no model is given to take them from. */
    public static final String DEFAULT_BOS = "<s>";
    public static final String DEFAULT_EOS = "</s>";

    private TemplateChoice() {
    }

    /** A template file, rendered with the default BOS/EOS text. */
    public static ChosenTemplate fromFile(Path file) {
        String source = read(file);
        return new ChosenTemplate(ChatTemplate.parse(file.toString(), source), source, DEFAULT_BOS, DEFAULT_EOS,
                Optional.empty());
    }

    /** A built-in family's template ({@code chatml}, {@code llama3}, …), rendered with the default BOS/EOS text. */
    public static ChosenTemplate builtin(String familyName) {
        TemplateFamily family = family(familyName);
        return new ChosenTemplate(BuiltinTemplates.template(family), BuiltinTemplates.source(family), DEFAULT_BOS,
                DEFAULT_EOS, Optional.empty());
    }

    /**
     * A model's template: its own, else its family's built-in one.
     *
     * @param modelName names the model in messages (its file)
     * @throws IllegalArgumentException when the model has no template and its family cannot be told
     */
    public static ChosenTemplate forModel(String modelName, GgufMetadata metadata) {
        String[] tokens = metadata.findStringArray("tokenizer.ggml.tokens").orElse(new String[0]);
        String bos = tokenText(modelName, metadata, tokens, "tokenizer.ggml.bos_token_id");
        String eos = tokenText(modelName, metadata, tokens, "tokenizer.ggml.eos_token_id");
        Optional<String> own = metadata.findString("tokenizer.chat_template");
        if (own.isPresent()) {
            return new ChosenTemplate(ChatTemplate.parse(modelName, own.get()), own.get(), bos, eos, Optional.empty());
        }
        Optional<String> architecture = metadata.findString("general.architecture");
        FamilyGuess guess = TemplateFamilies.guess(architecture.orElse(null), List.of(tokens))
                .orElseThrow(() -> new IllegalArgumentException(modelName + " has no chat template and its family"
                        + " cannot be told (architecture " + architecture.orElse("unknown")
                        + "); name a built-in family or a template file"));
        TemplateFamily family = guess.family();
        return new ChosenTemplate(BuiltinTemplates.template(family), BuiltinTemplates.source(family), bos, eos,
                Optional.of(modelName + " has no chat template; using the built-in " + family.id() + " template ("
                        + guess.reason() + ")"));
    }

    /**
     * A model's template, or the one {@code override} names instead: a built-in family's id, else a
     * Jinja file. Either way the BOS/EOS text is the model's.
     *
     * @param override null or blank for the model's own
     */
    public static ChosenTemplate forModel(String modelName, GgufMetadata metadata, String override) {
        if (override == null || override.isBlank()) {
            return forModel(modelName, metadata);
        }
        ChosenTemplate replacement = TemplateFamily.byId(override).isPresent()
                ? builtin(override) : fromFile(Path.of(override));
        String[] tokens = metadata.findStringArray("tokenizer.ggml.tokens").orElse(new String[0]);
        return new ChosenTemplate(replacement.template(), replacement.source(),
                tokenText(modelName, metadata, tokens, "tokenizer.ggml.bos_token_id"),
                tokenText(modelName, metadata, tokens, "tokenizer.ggml.eos_token_id"), Optional.empty());
    }

    private static TemplateFamily family(String name) {
        return TemplateFamily.byId(name).orElseThrow(() -> new IllegalArgumentException(
                "no built-in chat template '" + name + "'; there are: " + BuiltinTemplates.names()));
    }

    /** The text of a special token, or empty when the model names none. */
    private static String tokenText(String modelName, GgufMetadata metadata, String[] tokens, String key) {
        OptionalInt id = metadata.findInt(key);
        if (id.isEmpty()) {
            return "";
        }
        if (id.getAsInt() < 0 || id.getAsInt() >= tokens.length) {
            throw new IllegalArgumentException(modelName + ": " + key + " = " + id.getAsInt()
                    + " is outside the vocabulary of " + tokens.length + " tokens");
        }
        return tokens[id.getAsInt()];
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
