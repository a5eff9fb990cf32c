package dev.gannet.prompts.grammar;

/**
 * What consuming one character does to the frame on top of the stack: the frame is replaced by
 * {@code then} (in reading order: {@code then[0]} becomes the new top; none means the frame is
 * done), and, unless {@code consumed}, the character is then offered to the new top.
 */
record Step(Frame[] then, boolean consumed) {
    private static final Frame[] NOTHING = new Frame[0];
    /** The frame is done without taking the character: it belongs to what comes next. */
    static final Step PASS = new Step(NOTHING, false);
    /** The frame took the character and is done. */
    static final Step DONE = new Step(NOTHING, true);

    static Step to(Frame frame) {
        return new Step(new Frame[] {frame}, true);
    }

    /** Took the character; read {@code frames} next, in order. */
    static Step then(Frame... frames) {
        return new Step(frames, true);
    }

    /** Did not take the character; read {@code frames} next, starting with the character. */
    static Step offer(Frame... frames) {
        return new Step(frames, false);
    }
}
