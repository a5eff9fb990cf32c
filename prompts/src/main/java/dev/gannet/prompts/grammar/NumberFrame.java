package dev.gannet.prompts.grammar;

/**
 * A JSON number ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}), or an integer (no
 * fraction or exponent). Digits are bounded (16 in the integer and fraction parts, 3 in the
 * exponent) so that a model cannot write digits forever. A number ends at the first character
 * that cannot continue it, which then belongs to what follows.
 */
record NumberFrame(boolean integer, int phase, int digits) implements Frame {
    private static final int START = 0;
    private static final int MINUS = 1;
    private static final int ZERO = 2;
    private static final int INT = 3;
    private static final int FRACTION_START = 4;
    private static final int FRACTION = 5;
    private static final int EXPONENT_START = 6;
    private static final int EXPONENT_SIGN = 7;
    private static final int EXPONENT = 8;
    private static final int MAX_DIGITS = 16;
    private static final int MAX_EXPONENT_DIGITS = 3;

    static NumberFrame start(boolean integer) {
        return new NumberFrame(integer, START, 0);
    }

    @Override
    public Step consume(char c) {
        boolean digit = c >= '0' && c <= '9';
        return switch (phase) {
            case START -> c == '-' ? to(MINUS, 0) : c == '0' ? to(ZERO, 1) : digit ? to(INT, 1) : null;
            case MINUS -> c == '0' ? to(ZERO, 1) : digit ? to(INT, 1) : null;
            case ZERO -> afterIntegerPart(c);
            case INT -> digit && digits < MAX_DIGITS ? to(INT, digits + 1) : afterIntegerPart(c);
            case FRACTION_START -> digit ? to(FRACTION, 1) : null;
            case FRACTION -> digit && digits < MAX_DIGITS ? to(FRACTION, digits + 1)
                    : c == 'e' || c == 'E' ? to(EXPONENT_START, 0) : Step.PASS;
            case EXPONENT_START -> c == '+' || c == '-' ? to(EXPONENT_SIGN, 0) : digit ? to(EXPONENT, 1) : null;
            case EXPONENT_SIGN -> digit ? to(EXPONENT, 1) : null;
            case EXPONENT -> digit && digits < MAX_EXPONENT_DIGITS ? to(EXPONENT, digits + 1) : Step.PASS;
            default -> throw new IllegalStateException("phase " + phase);
        };
    }

    private Step afterIntegerPart(char c) {
        if (!integer && c == '.') {
            return to(FRACTION_START, 0);
        }
        if (!integer && (c == 'e' || c == 'E')) {
            return to(EXPONENT_START, 0);
        }
        return c >= '0' && c <= '9' ? null : Step.PASS;
    }

    private Step to(int next, int count) {
        return Step.to(new NumberFrame(integer, next, count));
    }
}
