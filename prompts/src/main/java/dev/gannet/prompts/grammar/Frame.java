package dev.gannet.prompts.grammar;

/**
 * One open construct of the grammar on the parse stack (a literal being matched, an object
 * between its braces, …). Frames are immutable records: consuming a character gives a new
 * frame, so a parse state can be branched for every token of the vocabulary without copying.
 */
sealed interface Frame permits LiteralFrame, WhitespaceFrame, ValueFrame, StringFrame, NumberFrame, ChoiceFrame,
        ObjectFrame, ArrayFrame, XmlParametersFrame, TextUntilFrame {

    /** What the character does to this frame: a {@link Step}, or null when it is not allowed here. */
    Step consume(char c);
}
