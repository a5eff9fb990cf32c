package dev.gannet.prompts.grammar;

/** Optional whitespace (see {@link Whitespace}); ends at the first other character. */
record WhitespaceFrame(int state) implements Frame {
    static final WhitespaceFrame START = new WhitespaceFrame(0);

    @Override
    public Step consume(char c) {
        if (!Whitespace.is(c)) {
            return Step.PASS;
        }
        int next = Whitespace.next(state, c);
        return next < 0 ? null : Step.to(new WhitespaceFrame(next));
    }
}
