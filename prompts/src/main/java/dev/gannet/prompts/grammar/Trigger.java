package dev.gannet.prompts.grammar;

/**
 * Text that starts a constrained call, and the grammar state just after it.
 *
 * @param text        the marker the model writes ({@code <tool_call>}, {@code {"name"})
 * @param atLineStart only where nothing but whitespace precedes it on its line (for bare JSON,
 *                    which is otherwise too common in answers)
 * @param after       the state once the trigger is read
 */
record Trigger(String text, boolean atLineStart, GrammarState after) {

    /** A trigger whose own text is the start of the grammar: {@code root} is read from its first character. */
    static Trigger of(String text, boolean atLineStart, GrammarState root) {
        GrammarState after = root.advance(text);
        if (after == null || after.isFinished()) {
            throw new IllegalStateException("the grammar does not start with its trigger " + text);
        }
        return new Trigger(text, atLineStart, after);
    }
}
