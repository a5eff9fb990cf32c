package dev.gannet.runtime.models;

import java.util.Map;

/**
 * One row of {@code gannet models}: what an installed GGUF is, read from its header.
 *
 * @param parameters the element count summed over all tensor shapes
 * @param tensorTypes tensor type name → how many tensors have it
 * @param contextLength the trained context, or -1 when the file does not say
 * @param templateFamily the built-in family the model's prompts follow ({@code chatml}), or null when unknown
 * @param ownTemplate whether the GGUF carries its own chat template ({@code tokenizer.chat_template})
 * @param toolCallFormat the tool-call format its template teaches ({@code hermes}; {@code auto} when none)
 * @param error why the header could not be read, else null (the other fields are then empty)
 */
public record ModelDescription(String name, String source, String architecture, long parameters,
                               Map<String, Integer> tensorTypes, long sizeBytes, long contextLength,
                               String templateFamily, boolean ownTemplate, String toolCallFormat, String error) {
}
