package dev.gannet.prompts.grammar;

/**
 * The whitespace allowed between JSON tokens: none, one space, or a newline and up to twenty
 * spaces or tabs of indentation (pretty-printed JSON). Bounded, so that a model cannot stall in
 * whitespace forever. A state counts what was read: 0 nothing, 1 a space, 2 + n a newline and n
 * indentation characters.
 */
final class Whitespace {
    private static final int MAX_INDENT = 20;

    private Whitespace() {
    }

    static boolean is(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    /** The state after whitespace {@code c}, or -1 when no more whitespace is allowed. */
    static int next(int state, char c) {
        if (state == 0) {
            return c == ' ' ? 1 : c == '\n' ? 2 : -1;
        }
        if (state >= 2 && (c == ' ' || c == '\t') && state < 2 + MAX_INDENT) {
            return state + 1;
        }
        return -1;
    }
}
