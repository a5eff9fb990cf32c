package dev.gannet.prompts.grammar;

/**
 * Where a parse of a tool call stands: the stack of open frames, innermost on top. Immutable;
 * advancing returns a new state that shares the untouched part of the stack. The empty stack is
 * the finished call, after which any text may follow (the constraint lets go there).
 *
 * <p>Equal states allow the same continuations, which is what lets token masks be cached by state.
 */
record GrammarState(Frame top, GrammarState rest) {
    /** The finished call. */
    static final GrammarState FINISHED = new GrammarState(null, null);

    /** A state that reads {@code frames} in order. */
    static GrammarState of(Frame... frames) {
        return FINISHED.push(frames);
    }

    boolean isFinished() {
        return top == null;
    }

    /** The state after {@code c}, or null if the grammar does not allow it here. */
    GrammarState advance(char c) {
        GrammarState state = this;
        while (true) {
            if (state.top == null) {
                return FINISHED; // The call is over: what follows is free text.
            }
            Step step = state.top.consume(c);
            if (step == null) {
                return null;
            }
            state = state.rest.push(step.then());
            if (step.consumed()) {
                return state;
            }
            // Not consumed: the same character goes to the new top.
        }
    }

    /** The state after every character of {@code text}, or null at the first one not allowed. */
    GrammarState advance(CharSequence text) {
        GrammarState state = this;
        for (int i = 0; i < text.length() && state != null; i++) {
            state = state.advance(text.charAt(i));
        }
        return state;
    }

    /** Whether any text may follow without constraint (the call is finished). */
    boolean acceptsAnything() {
        return top == null;
    }

    /** Inside a JSON string's plain text, where every character but '"', '\' and controls leaves the state as it is. */
    boolean inPlainString() {
        return top instanceof StringFrame string && string.isPlain();
    }

    private GrammarState push(Frame[] frames) {
        GrammarState state = this;
        for (int i = frames.length - 1; i >= 0; i--) {
            state = new GrammarState(frames[i], state);
        }
        return state;
    }
}
