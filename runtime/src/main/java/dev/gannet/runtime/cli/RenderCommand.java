package dev.gannet.runtime.cli;

import dev.gannet.kernels.gguf.GgufFile;
import dev.gannet.kernels.gguf.GgufReader;
import dev.gannet.prompts.template.ChatJson;
import dev.gannet.prompts.template.ChatMessage;
import dev.gannet.prompts.template.ToolDeclaration;
import dev.gannet.runtime.template.ChosenTemplate;
import dev.gannet.runtime.template.TemplateChoice;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Override
    public Integer call() throws IOException {
        List<ChatMessage> conversation = ChatJson.messages(read(messages));
        List<ToolDeclaration> declared = tools == null ? List.of() : ChatJson.tools(read(tools));
        ChosenTemplate chosen = choose();
        String prompt = chosen.template().render(conversation, declared, !noGenerationPrompt, chosen.bos(), chosen.eos());
        PrintWriter out = spec.commandLine().getOut();
        out.print(prompt);
        out.flush();
        return 0;
    }

    private ChosenTemplate choose() {
        if (source.template != null) {
            return TemplateChoice.fromFile(source.template);
        }
        if (source.builtin != null) {
            return TemplateChoice.builtin(source.builtin);
        }
        try (GgufFile file = GgufReader.open(source.model)) {
            ChosenTemplate chosen = TemplateChoice.forModel(source.model.getFileName().toString(), file.metadata());
            chosen.fallback().ifPresent(note -> {
                PrintWriter err = spec.commandLine().getErr();
                err.println("gannet: " + note);
                err.flush();
            });
            return chosen;
        }
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
