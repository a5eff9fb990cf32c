package dev.gannet.runtime.cli;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufMetadata;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.prompts.template.BuiltinTemplates;
import dev.gannet.prompts.template.ChatJson;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ChatTemplate;
import dev.gannet.prompts.template.FamilyGuess;
import dev.gannet.prompts.template.TemplateFamilies;
import dev.gannet.prompts.template.ToolDeclaration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gannet render}: the exact prompt a chat template makes of a conversation in the OpenAI chat
 * format, as Hugging Face's {@code apply_chat_template} would make it. The template is a file, a
 * built-in family, or a model's own ({@code tokenizer.chat_template}; without one, the built-in template
 * of the family its vocabulary and architecture point to).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the prompt a chat template makes of a conversation (OpenAI chat format), exactly.")
final class RenderCommand implements Callable<Integer> {
    /** The text of bos_token and eos_token when the template comes from a file or a family. */
    private static final String DEFAULT_BOS = "<s>";
    private static final String DEFAULT_EOS = "</s>";

    static final class TemplateSource {
        @Option(names = "--template", paramLabel = "FILE.jinja", description = "a Jinja chat template file")
        Path template;

        @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
                description = "a GGUF model: its chat template and its BOS/EOS tokens")
        Path model;

        @Option(names = "--builtin", paramLabel = "FAMILY",
                description = "a built-in template: chatml, llama3, mistral, phi3, phi4, gemma, llama2, deepseek")
        String builtin;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    TemplateSource source;

    @Option(names = "--messages", required = true, paramLabel = "FILE.json",
            description = "the conversation: a JSON array of messages, or an object with a \"messages\" array")
    Path messages;

    @Option(names = "--tools", paramLabel = "FILE.json",
            description = "tool declarations: a JSON array, or an object with a \"tools\" array")
    Path tools;

    @Option(names = "--no-generation-prompt", description = "do not end with the header of the assistant's next turn")
    boolean noGenerationPrompt;

    @Spec
    CommandSpec spec;

    /** A template with the BOS and EOS text it is rendered with. */
    private record Chosen(ChatTemplate template, String bos, String eos) {
    }

    @Override
    public Integer call() throws IOException {
        List<ChatMessage> conversation = ChatJson.messages(read(messages));
        List<ToolDeclaration> declared = tools == null ? List.of() : ChatJson.tools(read(tools));
        Chosen chosen = choose();
        String prompt = chosen.template().render(conversation, declared, !noGenerationPrompt, chosen.bos(), chosen.eos());
        PrintWriter out = spec.commandLine().getOut();
        out.print(prompt);
        out.flush();
        return 0;
    }

    private Chosen choose() throws IOException {
        if (source.template != null) {
            return new Chosen(ChatTemplate.parse(source.template.toString(), read(source.template)), DEFAULT_BOS, DEFAULT_EOS);
        }
        if (source.builtin != null) {
            return new Chosen(BuiltinTemplates.byName(source.builtin), DEFAULT_BOS, DEFAULT_EOS);
        }
        try (GgufFile file = GgufReader.open(source.model)) {
            GgufMetadata metadata = file.metadata();
            String[] tokens = metadata.findStringArray("tokenizer.ggml.tokens").orElse(new String[0]);
            String bos = tokenText(metadata, tokens, "tokenizer.ggml.bos_token_id");
            String eos = tokenText(metadata, tokens, "tokenizer.ggml.eos_token_id");
            Optional<String> own = metadata.findString("tokenizer.chat_template");
            if (own.isPresent()) {
                return new Chosen(ChatTemplate.parse(source.model.getFileName().toString(), own.get()), bos, eos);
            }
            Optional<String> architecture = metadata.findString("general.architecture");
            FamilyGuess guess = TemplateFamilies.guess(architecture.orElse(null), List.of(tokens))
                    .orElseThrow(() -> new IllegalArgumentException(source.model + " has no chat template and its family"
                            + " cannot be told (architecture " + architecture.orElse("unknown")
                            + "); use --builtin FAMILY or --template FILE"));
            PrintWriter err = spec.commandLine().getErr();
            err.println("gannet: " + source.model + " has no chat template; using the built-in "
                    + guess.family().id() + " template (" + guess.reason() + ")");
            err.flush();
            return new Chosen(BuiltinTemplates.template(guess.family()), bos, eos);
        }
    }

    /** The text of a special token, or empty when the model names none. */
    private String tokenText(GgufMetadata metadata, String[] tokens, String key) {
        OptionalInt id = metadata.findInt(key);
        if (id.isEmpty()) {
            return "";
        }
        if (id.getAsInt() < 0 || id.getAsInt() >= tokens.length) {
            throw new IllegalArgumentException(source.model + ": " + key + " = " + id.getAsInt()
                    + " is outside the vocabulary of " + tokens.length + " tokens");
        }
        return tokens[id.getAsInt()];
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
