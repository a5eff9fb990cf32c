package dev.gannet.prompts.grammar;

/** Exactly {@code text}, of which the first {@code pos} characters are read. */
record LiteralFrame(String text, int pos) implements Frame {
    LiteralFrame(String text) {
        this(text, 0);
    }

    @Override
    public Step consume(char c) {
        if (c != text.charAt(pos)) {
            return null;
        }
        return pos + 1 == text.length() ? Step.DONE : Step.to(new LiteralFrame(text, pos + 1));
    }
}
