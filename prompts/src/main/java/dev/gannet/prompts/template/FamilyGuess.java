package dev.gannet.prompts.template;

/** A guessed template family and the evidence for it, for the user to read ("it has <|im_start|>"). */
public record FamilyGuess(TemplateFamily family, String reason) {
}
