package dev.gannet.tools.grep;

/**
 * A view of text that throws {@link SearchTimedOutException} once the deadline has passed.
 *
 * <p>{@link java.util.regex.Pattern} backtracks, so a hostile pattern such as {@code (a+)+$} can
 * run for longer than the universe on one line, and a matcher cannot be interrupted. It reads its
 * input only through {@code charAt}, so checking the clock there (every 64 Ki reads, to keep the
 * cost small) bounds every match.
 */
final class DeadlineCharSequence implements CharSequence {
    private static final int CHECK_EVERY = 1 << 16;

    private final String text;
    private final Deadline deadline;
    private int untilCheck = CHECK_EVERY;

    DeadlineCharSequence(String text, Deadline deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
        if (--untilCheck == 0) {
            untilCheck = CHECK_EVERY;
            if (deadline.expired()) {
                throw new SearchTimedOutException();
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
