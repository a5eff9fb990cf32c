package dev.gannet.runtime.backend;

/**
 * Notices a generation caught in a loop — the same block of tokens three times in a row at the end
 * of the output — so the turn can end there instead of filling the token limit with copies (small
 * models at temperature 0 do this: the seeds' model repeated itself until it was cut off). A block
 * must be at least {@link #MIN_PERIOD} tokens long, so short legitimate repeats (a table rule, a
 * list marker, a repeated code line) never trigger it.
 */
final class RepetitionDetector {
    static final int MIN_PERIOD = 12;
    static final int MAX_PERIOD = 256;
    static final int REPEATS = 3;

    private RepetitionDetector() {
    }

    /** Whether {@code tokens[from, to)} ends with one block repeated {@link #REPEATS} times. */
    static boolean endsInLoop(int[] tokens, int from, int to) {
        int length = to - from;
        int last = to - 1;
        for (int period = MIN_PERIOD; period <= MAX_PERIOD && period * REPEATS <= length; period++) {
            // Cheap filter first: the last token must recur at the same phase in every copy.
            if (tokens[last] != tokens[last - period] || tokens[last] != tokens[last - 2 * period]) {
                continue;
            }
            if (repeats(tokens, to, period)) {
                return true;
            }
        }
        return false;
    }

    private static boolean repeats(int[] tokens, int to, int period) {
        for (int i = to - period; i < to; i++) {
            for (int copy = 1; copy < REPEATS; copy++) {
                if (tokens[i] != tokens[i - copy * period]) {
                    return false;
                }
            }
        }
        return true;
    }
}
