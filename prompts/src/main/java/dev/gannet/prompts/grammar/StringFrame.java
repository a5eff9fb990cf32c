package dev.gannet.prompts.grammar;

/**
 * The inside of a JSON string, after its opening quote: plain characters, escapes
 * ({@code \n}, {@code \"}, {@code \u00e9}, …), and the closing quote. Control characters must be
 * escaped, as JSON requires.
 */
record StringFrame(int phase) implements Frame {
    private static final int PLAIN = 0;
    private static final int ESCAPE = 1;
    /** Phases 2..5: that many hex digits of a \\u escape still to read, minus one. */
    private static final int HEX = 2;

    static final StringFrame START = new StringFrame(PLAIN);
    private static final StringFrame AFTER_BACKSLASH = new StringFrame(ESCAPE);

    boolean isPlain() {
        return phase == PLAIN;
    }

    /** Whether {@code c} is read as itself inside a string, leaving the frame unchanged. */
    static boolean isPlain(char c) {
        return c != '"' && c != '\\' && c >= 0x20;
    }

    @Override
    public Step consume(char c) {
        if (phase == PLAIN) {
            if (c == '"') {
                return Step.DONE;
            }
            if (c == '\\') {
                return Step.to(AFTER_BACKSLASH);
            }
            return c < 0x20 ? null : Step.to(this);
        }
        if (phase == ESCAPE) {
            return switch (c) {
                case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> Step.to(START);
                case 'u' -> Step.to(new StringFrame(HEX + 3));
                default -> null;
            };
        }
        if (Character.digit(c, 16) < 0) {
            return null;
        }
        return Step.to(phase == HEX ? START : new StringFrame(phase - 1));
    }
}
