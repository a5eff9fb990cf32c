package dev.gannet.prompts.grammar;

/**
 * Any text up to and including {@code terminator}, of which the last {@code matched} characters
 * read are the beginning. Used for XML parameter values ({@code …</parameter>}); the terminator
 * must not overlap itself (its first character appears nowhere else in it), which keeps the
 * matching a counter.
 */
record TextUntilFrame(String terminator, int matched) implements Frame {
    TextUntilFrame {
        if (terminator.indexOf(terminator.charAt(0), 1) >= 0) {
            throw new IllegalArgumentException("the terminator overlaps itself: " + terminator);
        }
    }

    @Override
    public Step consume(char c) {
        if (c == terminator.charAt(matched)) {
            return matched + 1 == terminator.length() ? Step.DONE : Step.to(new TextUntilFrame(terminator, matched + 1));
        }
        int restart = c == terminator.charAt(0) ? 1 : 0;
        return restart == matched ? Step.to(this) : Step.to(new TextUntilFrame(terminator, restart));
    }
}
