package dev.gannet.runtime.models;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufMetadata;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.kernels.gguf.GgufTensorInfo;
import dev.gannet.prompts.template.BuiltinTemplates;
import dev.gannet.prompts.template.FamilyGuess;
import dev.gannet.prompts.template.TemplateFamilies;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Describes a GGUF from its header alone (memory-mapped, no weights read), for the registry. */
public final class ModelInspector {
    private ModelInspector() {
    }

    public static ModelDescription describe(InstalledModel model) {
        return describe(model.name(), model.manifest().source(), model.gguf());
    }

    /** Never throws for a bad file: the description then carries the reason in {@code error}. */
    public static ModelDescription describe(String name, String source, Path gguf) {
        long size;
        try {
            size = Files.size(gguf);
        } catch (IOException e) {
            return failed(name, source, -1, "cannot read " + gguf + ": " + e.getMessage());
        }
        try (GgufFile file = GgufReader.open(gguf)) {
            GgufMetadata meta = file.metadata();
            String architecture = meta.findString("general.architecture").orElse("unknown");
            long parameters = 0;
            Map<String, Integer> types = new TreeMap<>();
            for (GgufTensorInfo tensor : file.tensors()) {
                parameters += tensor.elementCount();
                types.merge(tensor.type().toString(), 1, Integer::sum);
            }
            long context = meta.findLong(architecture + ".context_length").orElse(-1L);
            Optional<String> ownTemplate = meta.findString("tokenizer.chat_template");
            // A HashSet, not Set.of: vocabularies repeat tokens (several [PAD]s, say).
            Set<String> vocabulary = meta.findStringArray("tokenizer.ggml.tokens").<Set<String>>map(tokens -> new HashSet<>(Arrays.asList(tokens))).orElse(Set.of());
            Optional<FamilyGuess> family = TemplateFamilies.guess(architecture, vocabulary::contains);
            // The format the model was taught: its own template's markers; else those of the built-in
            // template Gannet will render for its family.
            String templateText = ownTemplate.orElseGet(() -> family.map(f -> BuiltinTemplates.source(f.family())).orElse(""));
            return new ModelDescription(name, source, architecture, parameters, types, size, context,
                    family.map(f -> f.family().id()).orElse(null), ownTemplate.isPresent(),
                    ToolCallFormat.detect(templateText).cliName(), null);
        } catch (RuntimeException e) {
            return failed(name, source, size, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static ModelDescription failed(String name, String source, long size, String error) {
        return new ModelDescription(name, source, null, 0, Map.of(), size, -1, null, false, null, error);
    }
}
