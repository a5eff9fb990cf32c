package dev.gannet.prompts.grammar;

/** A JSON array of an {@link ValueSpec.ArrayValue}, after its '['. */
record ArrayFrame(ValueSpec.ArrayValue spec, int phase, int ws) implements Frame {
    private static final int AFTER_OPEN = 0;
    private static final int AFTER_VALUE = 1;
    private static final int AFTER_COMMA = 2;

    static ArrayFrame open(ValueSpec.ArrayValue spec) {
        return new ArrayFrame(spec, AFTER_OPEN, 0);
    }

    @Override
    public Step consume(char c) {
        if (Whitespace.is(c)) {
            int next = Whitespace.next(ws, c);
            return next < 0 ? null : Step.to(new ArrayFrame(spec, phase, next));
        }
        if (c == ']' && (phase == AFTER_VALUE || phase == AFTER_OPEN && !spec.nonEmpty)) {
            return Step.DONE;
        }
        if (phase == AFTER_VALUE) {
            return c == ',' ? Step.to(new ArrayFrame(spec, AFTER_COMMA, 0)) : null;
        }
        // An element starts with this character.
        return Step.offer(new ValueFrame(spec.items), new ArrayFrame(spec, AFTER_VALUE, 0));
    }
}
