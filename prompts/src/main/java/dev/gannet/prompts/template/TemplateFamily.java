package dev.gannet.prompts.template;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The prompt formats Gannet has a built-in chat template for, used when a GGUF file carries none. */
public enum TemplateFamily {
    CHATML("chatml", "<|im_start|>role … <|im_end|> turns (Qwen2.5, Hermes, SmolLM); tools and <tool_call> as Qwen2.5"),
    LLAMA3("llama3", "Llama 3.x headers; JSON tool calls; tool results in the ipython role"),
    MISTRAL("mistral", "[INST] turns with [AVAILABLE_TOOLS], [TOOL_CALLS] and [TOOL_RESULTS]"),
    PHI3("phi3", "<|user|> … <|end|> turns (Phi-3, Phi-3.5); tools and <tool_call> in the system turn"),
    PHI4("phi4", "<|im_start|>role<|im_sep|> … <|im_end|> turns (Phi-4); tools and <tool_call> in the system turn"),
    GEMMA("gemma", "<start_of_turn>user / model turns; no system role: folded into the first user turn"),
    LLAMA2("llama2", "[INST] <<SYS>> … <</SYS>> turns (Llama 2, CodeLlama); tools and <tool_call> in the system block"),
    DEEPSEEK("deepseek", "<｜User｜> / <｜Assistant｜> turns with DeepSeek's tool-call tokens (DeepSeek V3, R1)");

    private final String id;
    private final String description;

    TemplateFamily(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The family's name as users write it ({@code chatml}, {@code llama3}, …). */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The template's file name among the resources. */
    String resourceName() {
        return id + ".jinja";
    }

    /** The family called {@code id} (case-insensitive). */
    public static Optional<TemplateFamily> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT).strip();
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }

    static TemplateFamily fromResourceName(String fileName) {
        return Arrays.stream(values()).filter(f -> f.resourceName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no built-in template file " + fileName));
    }
}
