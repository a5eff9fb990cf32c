package dev.gannet.runtime.template;

import dev.gannet.prompts.template.ChatTemplate;
import dev.gannet.prompts.toolcall.ToolCallFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat template with what it is rendered with: its Jinja source (the tool-call format is read from
 * it), the text of the model's BOS and EOS tokens, and, when the model had no template of its own and a
 * built-in family's was taken instead, a note saying so and why.
 *
 * @param template the parsed template
 * @param source   its Jinja source
 * @param bos      {@code bos_token} as the template sees it
 * @param eos      {@code eos_token} as the template sees it
 * @param fallback why a built-in family's template stands in for the model's own; empty when it does not
 */
public record ChosenTemplate(ChatTemplate template, String source, String bos, String eos, Optional<String> fallback) {
    public ChosenTemplate {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bos, "bos");
        Objects.requireNonNull(eos, "eos");
        Objects.requireNonNull(fallback, "fallback");
    }

    /** How the template teaches its model to write tool calls. */
    public ToolCallFormat toolCallFormat() {
        return ToolCallFormat.detect(source);
    }
}
